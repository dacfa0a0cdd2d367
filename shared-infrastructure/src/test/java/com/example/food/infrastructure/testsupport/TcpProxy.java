package com.example.food.infrastructure.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the services and RabbitMQ (or PostgreSQL), so that a test can cut
 * the network to the server ({@link #cut()}: every connection dropped, new ones refused)
 * and bring it back ({@link #restore()}), or hold what the server sends without closing
 * anything ({@link #hold()}: the connection looks alive, its answers are late), without
 * stopping a server that others may be using. Loopback only.
 */
public final class TcpProxy implements AutoCloseable {

	private final String name;

	private final String targetHost;

	private final int targetPort;

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean open = true;

	/** While set, nothing the server sends is passed on (see {@link #hold()}). */
	private volatile boolean holding;

	private TcpProxy(String name, String targetHost, int targetPort) throws IOException {
		this.name = name;
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = new ServerSocket();
		server.bind(new InetSocketAddress("127.0.0.1", 0));
		Thread.ofVirtual().name("tcp-proxy-accept").start(this::acceptLoop);
	}

	/** A proxy to the broker. */
	public static TcpProxy to(String host, int port) {
		return to("the broker", host, port);
	}

	/**
	 * A proxy to {@code name} (for the log lines: "the broker", "the database") at host
	 * and port.
	 */
	public static TcpProxy to(String name, String host, int port) {
		try {
			return new TcpProxy(name, host, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open a proxy port", ex);
		}
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Drops every connection and refuses new ones: the broker is unreachable. */
	public void cut() {
		open = false;
		sockets.forEach(TcpProxy::closeQuietly);
		sockets.clear();
		System.out.println("[test] connection to " + name + " cut");
	}

	/** Accepts connections again: the broker is back. */
	public void restore() {
		open = true;
		System.out.println("[test] connection to " + name + " restored");
	}

	/**
	 * Stops passing on what the server sends, keeping every connection open: its answers
	 * are late.
	 */
	public void hold() {
		holding = true;
		System.out.println("[test] answers from " + name + " held");
	}

	/** Passes on what the server sent meanwhile, and what it sends from now on. */
	public void release() {
		holding = false;
		System.out.println("[test] answers from " + name + " released");
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
				Thread.ofVirtual().start(() -> pump(client, upstream, false));
				Thread.ofVirtual().start(() -> pump(upstream, client, true));
			}
			catch (IOException ex) {
				// the server socket was closed, or the broker
				// refused: the client sees a closed connection
			}
		}
	}

	private void pump(Socket from, Socket to, boolean fromServer) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			byte[] buffer = new byte[8192];
			for (int read; (read = in.read(buffer)) >= 0;) {
				while (fromServer && holding && !to.isClosed()) {
					Thread.sleep(10);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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

	private static void closeQuietly(Closeable socket) {
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

}
