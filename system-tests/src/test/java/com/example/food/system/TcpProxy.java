package com.example.food.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the services and RabbitMQ (or PostgreSQL), so that a test can cut the network
 * to the server ({@link #cut()}: every connection dropped, new ones refused) and bring it back
 * ({@link #restore()}), without stopping a server that others may be using. Loopback only.
 */
final class TcpProxy implements AutoCloseable {

	private final String name;

	private final String targetHost;

	private final int targetPort;

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean open = true;

	private TcpProxy(String name, String targetHost, int targetPort) throws IOException {
		this.name = name;
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = new ServerSocket();
		server.bind(new InetSocketAddress("127.0.0.1", 0));
		Thread.ofVirtual().name("tcp-proxy-accept").start(this::acceptLoop);
	}

	/** A proxy to the broker. */
	static TcpProxy to(String host, int port) {
		return to("the broker", host, port);
	}

	/** A proxy to {@code name} (for the log lines: "the broker", "the database") at host and port. */
	static TcpProxy to(String name, String host, int port) {
		try {
			return new TcpProxy(name, host, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open a proxy port", ex);
		}
	}

	int port() {
		return server.getLocalPort();
	}

	/** Drops every connection and refuses new ones: the broker is unreachable. */
	void cut() {
		open = false;
		sockets.forEach(TcpProxy::closeQuietly);
		sockets.clear();
		System.out.println("[system-tests] connection to " + name + " cut");
	}

	/** Accepts connections again: the broker is back. */
	void restore() {
		open = true;
		System.out.println("[system-tests] connection to " + name + " restored");
	}

	private void acceptLoop() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				if (!open) {
					client.close();
					continue;
				}
				Socket upstream = new Socket(targetHost, targetPort);
				sockets.add(client);
				sockets.add(upstream);
				Thread.ofVirtual().start(() -> pump(client, upstream));
				Thread.ofVirtual().start(() -> pump(upstream, client));
			}
			catch (IOException ex) {
				// the server socket was closed, or the broker refused: the client sees a closed connection
			}
		}
	}

	private void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			sockets.remove(from);
			sockets.remove(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() {
		cut();
		closeQuietly(server);
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}
}
