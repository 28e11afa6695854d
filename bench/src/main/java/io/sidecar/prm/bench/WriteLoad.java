package io.sidecar.prm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients sending the command mix back to back (no think time), and a probe that follows acknowledged commands
 * into the read models: it takes the very next acknowledgement as it happens and reads that resource with
 * {@code minVersion}, so the time from acknowledgement to answer is the projection lag plus one local round trip.
 */
final class WriteLoad {

    /** An acknowledged command: the read that shows it, the version it needs, and when it was acknowledged. */
    record Ack(String path, long version, long ackNanos) {}

    record Result(
            int clients,
            long commands,
            long errors,
            String firstError,
            double seconds,
            Latency latency,
            Latency lag,
            long staleProbes,
            Ack last,
            long lastAckNanos) {

        double perSecond() {
            return commands / seconds;
        }
    }

    private final Http http;
    private final Workload workload;
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicReference<Ack> last = new AtomicReference<>();
    private final SynchronousQueue<Ack> toProbe = new SynchronousQueue<>();
    private final Latency latency = new Latency();
    private final Latency lag = new Latency();
    private final AtomicLong stale = new AtomicLong();
    private volatile boolean running;

    WriteLoad(Http http, Workload workload) {
        this.http = http;
        this.workload = workload;
    }

    /**
     * Sends commands from {@code clients} clients for {@code duration}, one in every {@code dealsPerPartner + 1}
     * commands being a partner's onboarding and the others deals.
     */
    Result run(int clients, Duration duration, int dealsPerPartner) throws Exception {
        tickets.set(0);
        long until = System.nanoTime() + duration.toNanos();
        running = true;
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        try {
            Future<?> probe = pool.submit(this::probe);
            long start = System.nanoTime();
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                senders.add(pool.submit(() -> send(until, dealsPerPartner)));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            long end = System.nanoTime();
            running = false;
            probe.cancel(true);
            return new Result(
                    clients,
                    latency.count(),
                    errors.get(),
                    firstError.get(),
                    (end - start) / 1e9,
                    latency,
                    lag,
                    stale.get(),
                    last.get(),
                    end);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(70, TimeUnit.SECONDS);
        }
    }

    private void send(long until, int dealsPerPartner) {
        while (System.nanoTime() < until) {
            long ticket = tickets.getAndIncrement();
            String partner = ticket % (dealsPerPartner + 1) == 0 ? null : workload.anyPartner();
            if (partner == null) {
                onboard();
            } else if (ThreadLocalRandom.current().nextInt(5) == 0) {
                command("POST", "/api/partners/" + partner + "/check-ins", Workload.checkInBody(), "/api/partners/");
            } else {
                String registering = workload.partnerForDeal();
                if (registering == null) {
                    onboard();
                } else {
                    command("POST", "/api/deals", Workload.dealBody(registering), "/api/deals/");
                }
            }
        }
    }

    /** A partner's start, as a channel team does it: onboarding, the checklist, activation and a goal. */
    private void onboard() {
        String id = command("POST", "/api/partners", workload.onboardBody(), "/api/partners/");
        if (id == null) {
            return;
        }
        String partner = "/api/partners/" + id;
        for (String step : Workload.STEPS) {
            command("POST", partner + "/onboarding-steps/" + step, "", "/api/partners/");
        }
        if (command("POST", partner + "/activate", "", "/api/partners/") != null) {
            workload.partnerCreated(id);
        }
        command("PUT", partner + "/goals/" + Workload.currentQuarter(), Workload.goalBody(), "/api/partners/");
    }

    /**
     * Sends one command; records its latency and offers its acknowledgement to the lag probe.
     *
     * @param readPath where the command's result is read: the answer's id is appended
     * @return the id the command answered, or {@code null} when it failed
     */
    private String command(String method, String path, String body, String readPath) {
        long start = System.nanoTime();
        Http.Answer answer = method.equals("PUT") ? http.put(path, body) : http.post(path, body);
        long acked = System.nanoTime();
        if (!answer.ok()) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, method + " " + path + ": " + answer.status() + " " + answer.body());
            return null;
        }
        latency.record(acked - start);
        JsonNode json = answer.json();
        String id = json.get("id").asText();
        Ack ack = new Ack(readPath + id, json.get("version").asLong(), acked);
        last.accumulateAndGet(ack, (a, b) -> a == null || b.ackNanos() > a.ackNanos() ? b : a);
        toProbe.offer(ack);
        return id;
    }

    private void probe() {
        while (running) {
            Ack ack;
            try {
                ack = toProbe.take();
            } catch (InterruptedException e) {
                return;
            }
            Http.Answer answer = http.get(ack.path() + "?minVersion=" + ack.version());
            lag.recordSince(ack.ackNanos());
            if (answer.warning() != null) {
                stale.incrementAndGet();
            }
        }
    }
}
