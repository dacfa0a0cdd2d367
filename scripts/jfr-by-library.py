#!/usr/bin/env python3
"""Where a service's threads spend their CPU, by library, from a JDK Flight Recorder recording.

    scripts/jfr-by-library.py [--between HH:MM:SS HH:MM:SS] /tmp/jfr/kitchen-service.jfr [more.jfr ...]

Each execution sample goes to the library of the innermost frame that belongs to one (a JDK
method counts for the library that called it: HashMap.get called by Hibernate is Hibernate's).
The start-up (the main thread) and the JVM's own threads are left out: what is left is the work
of the listeners, request threads, relays, timers and workers. Needs `jfr` (in the JDK: JAVA_HOME
or PATH). --between keeps the samples taken within that window of the clock (the one the
recording and the benchmark's log print): the throughput test alone, say, without the set-up before it.
docs/performance-findings.md shows a run's figures and what they led to.
"""
import argparse
import collections
import os
import re
import subprocess
import sys

LIBRARIES = [
    ("Hibernate and Spring Data JPA", ("org.hibernate.", "org.springframework.data.", "org.springframework.orm.")),
    ("PostgreSQL driver and pool", ("org.postgresql.", "com.zaxxer.")),
    ("tracing and metrics (Micrometer, OpenTelemetry)", ("io.micrometer.", "io.opentelemetry.")),
    ("JSON (Jackson)", ("tools.jackson.", "com.fasterxml.")),
    ("logging (Logback)", ("ch.qos.logback.", "org.slf4j.")),
    ("AMQP (Spring AMQP, the client)", ("org.springframework.amqp.", "com.rabbitmq.")),
    ("HTTP (Tomcat, Spring MVC, Security, Feign)",
     ("org.apache.", "org.springframework.web.", "org.springframework.security.", "feign.")),
    ("transactions, proxies, the rest of Spring", ("org.springframework.",)),
    ("the services' own code", ("com.example.food.",)),
]
LEFT_OUT = ("main", "background-preinit", "JFR ", "C1 ", "C2 ", "Attach Listener", "Common-Cleaner")
THREAD = re.compile(r'^\s*sampledThread = "([^"]*)"')
TIME = re.compile(r'^\s*startTime = (\d\d:\d\d:\d\d)')


def library(frames):
    for frame in frames:
        for name, prefixes in LIBRARIES:
            if frame.startswith(prefixes):
                return name
    return "the JDK alone"


def samples(recording):
    jfr = os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if "JAVA_HOME" in os.environ else "jfr"
    process = subprocess.Popen([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                               stdout=subprocess.PIPE, text=True)
    thread, taken, frames, in_stack = None, None, [], False
    for line in process.stdout:
        # Most lines are a stack's frames: they are told apart before any pattern is tried.
        if in_stack:
            if line.strip() == "]":
                in_stack = False
                yield thread, taken, frames
            else:
                frames.append(line.strip())
        elif line.strip() == "stackTrace = [":
            in_stack, frames = True, []
        elif match := TIME.match(line):
            taken = match.group(1)
        elif match := THREAD.match(line):
            thread = match.group(1)
    if process.wait() != 0:
        sys.exit(f"jfr could not read {recording}")


def within(taken, start, end):
    """A window that passes midnight (23:59:50 00:00:10) holds the times after its start or before its end."""
    return start <= taken <= end if start <= end else taken >= start or taken <= end


def clock_time(text):
    if not re.fullmatch(r"\d\d:\d\d:\d\d", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a time of the form HH:MM:SS")
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--between", nargs=2, type=clock_time, metavar=("FROM", "TO"),
                        help="keep the samples taken from FROM to TO (HH:MM:SS, the recording's clock)")
    parser.add_argument("recordings", nargs="+", metavar="recording.jfr")
    arguments = parser.parse_args()
    total = collections.Counter()
    for recording in arguments.recordings:
        counts = collections.Counter(library(frames) for thread, taken, frames in samples(recording)
                                     if thread and not thread.startswith(LEFT_OUT)
                                     and (arguments.between is None or within(taken, *arguments.between)))
        n = sum(counts.values())
        print(f"{os.path.basename(recording)}: {n} samples", file=sys.stderr)
        total.update(counts)
    n = sum(total.values()) or 1
    print(f"| library | share of the application threads' samples ({sum(total.values())}) |")
    print("|---|---|")
    for name, count in total.most_common():
        print(f"| {name} | {100 * count / n:.0f} % |")


if __name__ == "__main__":
    main()
