package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.CUSTOMER_DOMAIN;
import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.EXTENSION_DAYS;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PRODUCT;
import static io.sidecar.prm.command.deal.DealTestData.PROTECTED_UNTIL;
import static io.sidecar.prm.command.deal.DealTestData.RECORDED_AT;
import static io.sidecar.prm.command.deal.DealTestData.approveDeal;
import static io.sidecar.prm.command.deal.DealTestData.dealApproved;
import static io.sidecar.prm.command.deal.DealTestData.dealExpired;
import static io.sidecar.prm.command.deal.DealTestData.dealRecorded;
import static io.sidecar.prm.command.deal.DealTestData.dealRules;
import static io.sidecar.prm.command.deal.DealTestData.extendProtection;
import static io.sidecar.prm.command.deal.DealTestData.lookupDatabase;
import static io.sidecar.prm.command.deal.DealTestData.protectionExtended;
import static io.sidecar.prm.command.deal.DealTestData.recordDeal;
import static io.sidecar.prm.command.deal.DealTestData.winDeal;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.MutableClock;
import io.sidecar.prm.command.support.RecordingCommandGateway;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The expiry sweep: the deal's deadline at protectedUntil. Time passes by moving a {@link MutableClock}; a sweep
 * is what {@code whenTimeElapses} would be to a deadline manager.
 */
class DealExpirySweepTest {

    private static final String EXPIRY_ACTOR = "system:deal-expiry";

    /** The sweep alone: what it reads from the protections, what it sends. */
    @Nested
    class Sending {

        private final MutableClock clock = new MutableClock(RECORDED_AT);
        private final DealProtections protections = new DealProtections(lookupDatabase(), clock);
        private final RecordingCommandGateway commands = new RecordingCommandGateway();
        private final DealExpirySweep sweep = new DealExpirySweep(protections, commands, clock);

        @Test
        void nothingIsSentBeforeTheProtectionEnds() {
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            clock.set(PROTECTED_UNTIL.minusSeconds(1));

            sweep.sweep();

            assertThat(commands.sent(), empty());
        }

        @Test
        void theDealIsToldToExpireWhenItsProtectionEnds() {
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(commands.payloads(), contains(new DealCommands.ExpireDealCommand(DEAL_ID, PROTECTED_UNTIL)));
        }

        @Test
        void aSweepAfterTheEndSendsTheTimeOfTheSweep() {
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            clock.set(PROTECTED_UNTIL.minusSeconds(1));
            sweep.sweep();

            Instant anHourLate = PROTECTED_UNTIL.plus(Duration.ofHours(1));
            clock.set(anHourLate);
            sweep.sweep();

            assertThat(commands.payloads(), contains(new DealCommands.ExpireDealCommand(DEAL_ID, anHourLate)));
        }

        @Test
        void theExpiryIsSentByTheSystemInACorrelationOfItsOwn() {
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            CommandMessage<?> expiry = commands.sent().get(0);
            assertThat(expiry.getMetaData(), hasEntry(PrmMetadata.ACTOR, EXPIRY_ACTOR));
            assertThat(expiry.getMetaData(), hasEntry(PrmMetadata.CORRELATION_ID, expiry.getIdentifier()));
        }

        @Test
        void onlyDueDealsAreSentOldestFirst() {
            protections.protect("deal-later", PROTECTED_UNTIL.plus(Duration.ofDays(1)));
            protections.protect("deal-due-second", PROTECTED_UNTIL.minusSeconds(60));
            protections.protect("deal-due-first", PROTECTED_UNTIL.minus(Duration.ofDays(2)));
            clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(
                    commands.payloads(),
                    contains(
                            new DealCommands.ExpireDealCommand("deal-due-first", PROTECTED_UNTIL),
                            new DealCommands.ExpireDealCommand("deal-due-second", PROTECTED_UNTIL)));
        }

        @Test
        void aProtectionMovedLaterIsNotSentAtItsFormerEnd() {
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            protections.protect(DEAL_ID, PROTECTED_UNTIL.plus(Duration.ofDays(EXTENSION_DAYS)));
            clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(commands.sent(), empty());
        }

        @Test
        void aForgottenProtectionIsNotSent() {
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            protections.forget(DEAL_ID);
            clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(commands.sent(), empty());
        }

        @Test
        void aDealStaysDueAndIsSentAgainUntilItsExpiryIsHandled() {
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            clock.set(PROTECTED_UNTIL);

            sweep.sweep();
            sweep.sweep();

            assertThat(commands.sent().size(), equalTo(2));
        }

        @Test
        void aDealWhoseExpiryFailsDoesNotStopTheSweep() {
            RecordingCommandGateway failing = new RecordingCommandGateway()
                    .failOn(
                            payload -> ((DealCommands.ExpireDealCommand) payload)
                                    .dealId()
                                    .equals("deal-failing"),
                            new CommandExecutionException("the event store is down", null));
            protections.protect("deal-failing", PROTECTED_UNTIL.minusSeconds(60));
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            clock.set(PROTECTED_UNTIL);

            new DealExpirySweep(protections, failing, clock).sweep();

            assertThat(
                    failing.payloads(),
                    contains(
                            new DealCommands.ExpireDealCommand("deal-failing", PROTECTED_UNTIL),
                            new DealCommands.ExpireDealCommand(DEAL_ID, PROTECTED_UNTIL)));
        }

        @Test
        void aRefusedExpiryDoesNotStopTheSweep() {
            RecordingCommandGateway refusing = new RecordingCommandGateway()
                    .failOn(
                            payload -> ((DealCommands.ExpireDealCommand) payload)
                                    .dealId()
                                    .equals("deal-refused"),
                            CommandRefusedException.rule("some.rule", "refused"));
            protections.protect("deal-refused", PROTECTED_UNTIL.minusSeconds(60));
            protections.protect(DEAL_ID, PROTECTED_UNTIL);
            clock.set(PROTECTED_UNTIL);

            new DealExpirySweep(protections, refusing, clock).sweep();

            assertThat(refusing.payloads().size(), equalTo(2));
        }
    }

    /** The sweep sending to the real handler: the deal decides, and the handler puts the protections right. */
    @Nested
    class Expiring {

        private final InMemoryDeals deals = new InMemoryDeals(dealRules());
        private final DealExpirySweep sweep = new DealExpirySweep(deals.protections, deals.gateway, deals.clock);

        @AfterEach
        void tearDown() {
            deals.close();
        }

        private void recordAndApprove() {
            deals.send(recordDeal().build());
            deals.send(approveDeal());
        }

        /** The deals due at {@code instant}, as the sweep would read them then. */
        private List<String> dueAt(Instant instant) {
            deals.clock.set(instant);
            return deals.protections.due(10);
        }

        @Test
        void anApprovedDealIsNotExpiredBeforeItsProtectionEnds() {
            recordAndApprove();
            deals.clock.set(PROTECTED_UNTIL.minusSeconds(1));

            sweep.sweep();

            assertThat(deals.eventsOf(DEAL_ID), contains(dealRecorded(), dealApproved()));
        }

        @Test
        void anApprovedDealExpiresOnceTheClockPassesItsProtection() {
            recordAndApprove();
            deals.clock.set(PROTECTED_UNTIL.minusSeconds(1));
            sweep.sweep();

            deals.clock.set(PROTECTED_UNTIL.plusSeconds(10));
            sweep.sweep();

            assertThat(
                    deals.eventsOf(DEAL_ID),
                    contains(dealRecorded(), dealApproved(), dealExpired(PROTECTED_UNTIL.plusSeconds(10))));
        }

        @Test
        void anExpiredDealIsForgottenByTheSweepAndFreesItsRegistration() {
            recordAndApprove();
            deals.clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(dueAt(PROTECTED_UNTIL.plus(Duration.ofDays(365))), empty());
            assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.empty()));
            assertThat(deals.openDealsOf(PARTNER_ID), empty());
        }

        @Test
        void anExtendedDealIsNotExpiredAtItsFormerEndButAtItsNewOne() {
            recordAndApprove();
            deals.send(extendProtection(EXTENSION_DAYS));
            Instant newEnd = protectionExtended(EXTENSION_DAYS).protectedUntil();

            deals.clock.set(PROTECTED_UNTIL);
            sweep.sweep();
            deals.clock.set(newEnd);
            sweep.sweep();

            assertThat(
                    deals.eventsOf(DEAL_ID),
                    contains(
                            dealRecorded(),
                            dealApproved(),
                            protectionExtended(EXTENSION_DAYS),
                            new DealRegistrationExpired(DEAL_ID, PARTNER_ID, newEnd, newEnd)));
        }

        @Test
        void anExpiryOfAnExtendedDealMovesItsProtectionToTheNewEnd() {
            recordAndApprove();
            deals.send(extendProtection(EXTENSION_DAYS));
            Instant newEnd = protectionExtended(EXTENSION_DAYS).protectedUntil();
            // the protections still show the former end, as if the extension's write had been lost
            deals.protections.protect(DEAL_ID, PROTECTED_UNTIL);
            deals.clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(
                    deals.eventsOf(DEAL_ID),
                    contains(dealRecorded(), dealApproved(), protectionExtended(EXTENSION_DAYS)));
            assertThat(dueAt(newEnd.minusSeconds(1)), empty());
            assertThat(dueAt(newEnd), contains(DEAL_ID));
        }

        @Test
        void aDealWonBeforeItsProtectionEndsIsNeverSwept() {
            recordAndApprove();
            deals.send(winDeal().build());

            assertThat(dueAt(PROTECTED_UNTIL.plus(Duration.ofDays(365))), empty());
        }

        @Test
        void aProtectionWhoseApprovalWasNeverStoredIsForgotten() {
            // the approval wrote its protection, then its events never reached the store
            deals.protections.protect("deal-never-stored", PROTECTED_UNTIL);
            deals.clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(deals.eventsOf("deal-never-stored"), empty());
            assertThat(dueAt(PROTECTED_UNTIL.plus(Duration.ofDays(365))), empty());
        }

        @Test
        void aPendingDealWhoseApprovalWasNeverStoredKeepsItsRegistration() {
            deals.send(recordDeal().build());
            // the approval wrote its protection, then its events never reached the store: the deal is pending
            deals.protections.protect(DEAL_ID, PROTECTED_UNTIL);
            deals.clock.set(PROTECTED_UNTIL);

            sweep.sweep();

            assertThat(deals.eventsOf(DEAL_ID), contains(dealRecorded()));
            assertThat(dueAt(PROTECTED_UNTIL.plus(Duration.ofDays(365))), empty());
            assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.of(DEAL_ID)));
            assertThat(deals.openDealsOf(PARTNER_ID), contains(DEAL_ID));
        }
    }
}
