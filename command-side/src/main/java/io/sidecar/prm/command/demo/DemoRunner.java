package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.deal.RecordDealCommand;
import io.sidecar.prm.command.demo.DemoPlan.PartnerScript;
import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.partner.OnboardPartnerCommand;
import io.sidecar.prm.command.support.CommandRefusal;
import io.sidecar.prm.command.support.PolicyCommands;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link DemoPlan}'s commands through the command gateway, as {@code system:demo-data}: several partners
 * at once, each partner's commands in order on one thread, then the channel conflicts. A partner's consecutive
 * commands go in units of work of a few dozen, each handled as on its own but stored with one commit: the embedded
 * store writes every commit through, and that is most of what a command costs. A registration starts a new one (it
 * counts the partner's open registrations, which earlier closes free only once stored), and a closing deal's
 * approval and close are never apart: with its approval in the past, the expiry sweep finds the deal due at once.
 * A refused command is logged and counted, and the rest of its deal skipped; it does not stop the others.
 */
final class DemoRunner {

    static final String ACTOR = "system:demo-data";

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);
    private static final int LOGGED_REFUSALS = 20;
    /** Commands of one partner sent in one unit of work, at most (a closing deal's are never split). */
    private static final int GROUP = 25;

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final int threads;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean stopping;

    DemoRunner(CommandGateway gateway, TransactionManager transactions, int threads) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.threads = threads;
    }

    /**
     * What happened.
     *
     * @param sent    commands that went through
     * @param refused commands refused, against the plan
     */
    record Outcome(int sent, int refused) {}

    Outcome run(DemoPlan plan) throws InterruptedException {
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "demo-data-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // the longest scripts first, so that no thread is left with a long one at the end
        plan.partners().stream()
                .sorted(Comparator.comparingInt(
                                (PartnerScript script) -> script.steps().size())
                        .reversed())
                .forEach(script -> pool.execute(() -> play(script.steps())));
        pool.shutdown();
        int total = plan.commands();
        while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            log.info("demo data: {} of {} commands sent", sent.get() + refused.get(), total);
        }
        play(plan.conflicts());
        return new Outcome(sent.get(), refused.get());
    }

    /** Asks the running scripts to stop after their current command. */
    void stop() {
        stopping = true;
    }

    boolean stopped() {
        return stopping;
    }

    private void play(List<Step> steps) {
        Set<String> dropped = new HashSet<>();
        int from = 0;
        while (from < steps.size() && !stopping) {
            int to = from + 1;
            while (to < steps.size()
                    && (sameClose(steps.get(to - 1), steps.get(to))
                            || to - from < GROUP && !(steps.get(to).command() instanceof RecordDealCommand))) {
                to++;
            }
            List<Step> group = steps.subList(from, to).stream()
                    .filter(step -> step.dealId() == null || !dropped.contains(step.dealId()))
                    .toList();
            from = to;
            if (group.isEmpty() || sendTogether(group)) {
                continue;
            }
            // rolled back as a whole: one by one, so that only the refused command and the rest of its deal are lost
            for (Step step : group) {
                if (stopping || step.dealId() != null && dropped.contains(step.dealId()) || sendAlone(step)) {
                    continue;
                }
                if (step.dealId() != null) {
                    dropped.add(step.dealId());
                } else if (step.command() instanceof OnboardPartnerCommand) {
                    return; // nothing else of this partner can go through
                }
            }
        }
    }

    /** Two steps of one closing deal's approval, stages and close, which share their place in the story. */
    private static boolean sameClose(Step step, Step next) {
        return step.dealId() != null
                && step.dealId().equals(next.dealId())
                && step.at().equals(next.at());
    }

    /**
     * Sends the commands in one unit of work: each is handled as it would be on its own, but their events are
     * stored with one commit, and the aggregates stay locked until then.
     *
     * @return whether all went through; if not, none did
     */
    private boolean sendTogether(List<Step> group) {
        if (group.size() == 1) {
            return sendAlone(group.get(0));
        }
        UnitOfWork<?> work = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(group.get(0).command()));
        work.attachTransaction(transactions);
        ResultMessage<?> result = work.executeWithResult(() -> {
            for (Step step : group) {
                gateway.sendAndWait(PolicyCommands.scheduled(ACTOR, step.command()));
            }
            return null;
        });
        if (result.isExceptional()) {
            return false;
        }
        sent.addAndGet(group.size());
        return true;
    }

    private boolean sendAlone(Step step) {
        try {
            gateway.sendAndWait(PolicyCommands.scheduled(ACTOR, step.command()));
            sent.incrementAndGet();
            return true;
        } catch (RuntimeException failed) {
            refused(step, failed);
            return false;
        }
    }

    private void refused(Step step, Throwable failed) {
        if (refused.incrementAndGet() <= LOGGED_REFUSALS) {
            String code = failed instanceof CommandExecutionException execution
                    ? execution
                            .getDetails()
                            .map(details -> details instanceof CommandRefusal refusal ? refusal.code() : null)
                            .orElse(null)
                    : null;
            log.warn(
                    "demo data: {} refused ({}): {}",
                    step.command().getClass().getSimpleName(),
                    code,
                    failed.getMessage());
        }
    }
}
