package org.workhealth.fhir.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;

import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * Not a test: a measurement to run by hand (docs/fhir.md "## Bench"). Validates the example referral Bundle
 * single-threaded after a warm-up and prints milliseconds per validation, so a change to {@link FhirValidation} can
 * be judged by numbers rather than by a timed assertion that would fail on a busy machine.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.workhealth.fhir.internal.FhirValidationTiming [runs] [warm-ups] [threads]}
 */
public final class FhirValidationTiming {

    private FhirValidationTiming() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String json;
        try (InputStream in = FhirValidationTiming.class.getResourceAsStream("/fhir/referral-bundle.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Bundle bundle = FhirServerContext.get().newJsonParser().parseResource(Bundle.class, json);
        FhirValidation validation = new FhirValidation(false);

        long loading = System.nanoTime();
        List<SingleValidationMessage> errors = validation.errors(bundle);
        System.out.printf("first validation (loads the specification): %d ms, errors %s%n",
                (System.nanoTime() - loading) / 1_000_000, errors);
        for (int i = 0; i < warmUps; i++) {
            validation.errors(bundle);
        }
        // -Dtiming.jfr=FILE records a JFR profile of the measured validations only, not of loading or warming up.
        String jfr = System.getProperty("timing.jfr");
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) cpu;
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong allocated = new java.util.concurrent.atomic.AtomicLong();
        long started = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                long cpuStarted = cpu.getCurrentThreadCpuTime();
                long allocatedBefore = allocation.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int i = 0; i < runs; i++) {
                    if (!validation.errors(bundle).isEmpty()) {
                        throw new IllegalStateException("the example Bundle should be valid");
                    }
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStarted);
                allocated.addAndGet(allocation.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore);
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double ms = (System.nanoTime() - started) / 1e6;
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(jfr));
        }
        // CPU time is what a loaded machine changes least: wall time also counts waiting for a core. Allocation is
        // the garbage collector's work, which the validating thread's CPU time leaves out.
        System.out.printf("%d validations on %d thread(s) in %.0f ms: %.2f ms a validation (wall), %.2f ms CPU, "
                + "%.1f MB allocated, %.1f a second%n", runs * threads, threads, ms, ms / (runs * threads),
                cpuNanos.get() / 1e6 / (runs * threads), allocated.get() / 1e6 / (runs * threads),
                runs * threads * 1000.0 / ms);
    }
}
