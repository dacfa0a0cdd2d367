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
        match, time = THREAD.match(line), TIME.match(line)
        if time:
            taken = time.group(1)
        elif match:
            thread = match.group(1)
        elif line.strip() == "stackTrace = [":
            in_stack, frames = True, []
        elif in_stack and line.strip() == "]":
            in_stack = False
            yield thread, taken, frames
        elif in_stack:
            frames.append(line.strip())
    if process.wait() != 0:
        sys.exit(f"jfr could not read {recording}")


def within(taken, start, end):
    """A window that passes midnight (23:59:50 00:00:10) holds the times after its start or before its end."""
    return start <= taken <= end if start <= end else taken >= start or taken <= end


def main(arguments):
    window = ("00:00:00", "99:99:99")
    if arguments[:1] == ["--between"]:
        if len(arguments) < 3 or not all(re.fullmatch(r"\d\d:\d\d:\d\d", t) for t in arguments[1:3]):
            sys.exit("--between needs two times, HH:MM:SS HH:MM:SS")
        window, arguments = (arguments[1], arguments[2]), arguments[3:]
    recordings = arguments
    if not recordings:
        sys.exit(__doc__)
    total = collections.Counter()
    for recording in recordings:
        counts = collections.Counter(library(frames) for thread, taken, frames in samples(recording)
                                     if thread and not thread.startswith(LEFT_OUT)
                                     and taken and within(taken, *window))
        n = sum(counts.values())
        print(f"{os.path.basename(recording)}: {n} samples", file=sys.stderr)
        total.update(counts)
    n = sum(total.values()) or 1
    print(f"| library | share of the application threads' samples ({sum(total.values())}) |")
    print("|---|---|")
    for name, count in total.most_common():
        print(f"| {name} | {100 * count / n:.0f} % |")


if __name__ == "__main__":
    main(sys.argv[1:])
