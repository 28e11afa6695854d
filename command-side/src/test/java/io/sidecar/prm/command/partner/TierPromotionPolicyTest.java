package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.OTHER_PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.REPORTING_CURRENCY;
import static io.sidecar.prm.command.partner.PartnerTestData.WON_DAY;
import static io.sidecar.prm.command.partner.PartnerTestData.dealWon;
import static io.sidecar.prm.command.partner.PartnerTestData.promotePartner;
import static io.sidecar.prm.command.partner.PartnerTestData.tierPolicyRules;
import static io.sidecar.prm.command.partner.PartnerTestData.usd;
import static io.sidecar.prm.events.partner.PartnerTier.GOLD;
import static io.sidecar.prm.events.partner.PartnerTier.PLATINUM;
import static io.sidecar.prm.events.partner.PartnerTier.SILVER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.deal.WonDeals;
import io.sidecar.prm.command.support.RecordingCommandGateway;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.deal.DealWon;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy: a won deal that takes the partner's won revenue over the trailing 12 months (up to its close day) to a
 * threshold asks for the tier of the highest threshold reached; the partner decides (see {@link PromotePartnerTest}).
 * Plain JUnit: the real won-deals table on a private in-memory H2 database and a gateway that records.
 */
class TierPromotionPolicyTest {

    private static final String ACTOR = "manager:sam.seller";
    private static final String CORRELATION_ID = "request-7";

    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private TierPromotionPolicy policy;

    @BeforeEach
    void setUp() {
        policy = policy(tierPolicyRules());
    }

    private TierPromotionPolicy policy(TierPolicyRules rules) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:won-deals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new TierPromotionPolicy(new WonDeals(database), rules, DealRules.defaults(REPORTING_CURRENCY), commands);
    }

    /** The win as delivered to the policy, by {@link #ACTOR} in request {@link #CORRELATION_ID}. */
    private static EventMessage<DealWon> message(DealWon won) {
        return GenericEventMessage.<DealWon>asEventMessage(won)
                .andMetaData(Map.of(PrmMetadata.ACTOR, ACTOR, PrmMetadata.CORRELATION_ID, CORRELATION_ID));
    }

    private void deliver(DealWon won) {
        deliver(message(won));
    }

    private void deliver(EventMessage<DealWon> message) {
        policy.on(message.getPayload(), message);
    }

    @Test
    void aWinBelowTheSilverThresholdPromotesNobody() {
        deliver(dealWon("deal-1", "99999.99", WON_DAY));

        assertThat(commands.sent(), empty());
    }

    @Test
    void aWinReachingTheSilverThresholdAsksForSilverNamingTheRuleAndTheDeal() {
        DealWon won = dealWon("deal-1", "100000.00", WON_DAY);

        deliver(won);

        assertThat(commands.payloads(), contains(promotePartner(SILVER, "100000.00", "100000.00", won)));
    }

    @Test
    void winsAddUpOverTheTrailingYearAndTheCrossingDealIsNamed() {
        DealWon first = dealWon("deal-1", "60000.00", WON_DAY.minusMonths(3));
        DealWon second = dealWon("deal-2", "50000.50", WON_DAY);

        deliver(first);
        deliver(second);

        assertThat(commands.payloads(), contains(promotePartner(SILVER, "100000.00", "110000.50", second)));
    }

    @Test
    void aWinThatCrossesNoThresholdAsksForNothingEvenAboveOne() {
        DealWon crossing = dealWon("deal-1", "150000.00", WON_DAY.minusDays(10));
        DealWon small = dealWon("deal-2", "1000.00", WON_DAY); // a manager may have demoted the partner meanwhile

        deliver(crossing);
        deliver(small);

        assertThat(commands.payloads(), contains(promotePartner(SILVER, "100000.00", "150000.00", crossing)));
    }

    @Test
    void aWinReachingTheGoldThresholdAsksForGold() {
        DealWon first = dealWon("deal-1", "450000.00", WON_DAY.minusDays(30));
        DealWon second = dealWon("deal-2", "50000.00", WON_DAY);

        deliver(first);
        deliver(second);

        assertThat(
                commands.payloads(),
                contains(
                        promotePartner(SILVER, "100000.00", "450000.00", first),
                        promotePartner(GOLD, "500000.00", "500000.00", second)));
    }

    @Test
    void aWinReachingThePlatinumThresholdAsksForPlatinumOnly() {
        DealWon won = dealWon("deal-1", "2500000.00", WON_DAY);

        deliver(won);

        assertThat(commands.payloads(), contains(promotePartner(PLATINUM, "2000000.00", "2500000.00", won)));
    }

    @Test
    void theSameWinDeliveredTwiceCountsOnce() {
        DealWon won = dealWon("deal-1", "60000.00", WON_DAY);

        deliver(won);
        deliver(won); // a replay: counted twice it would reach 120,000.00, over the SILVER threshold

        assertThat(commands.sent(), empty());
    }

    @Test
    void aReplayedCrossingAsksAgainWithTheSameTrailingRevenue() {
        DealWon won = dealWon("deal-1", "100000.00", WON_DAY);

        deliver(won);
        deliver(won);

        assertThat(
                commands.payloads(),
                contains(
                        promotePartner(SILVER, "100000.00", "100000.00", won),
                        promotePartner(SILVER, "100000.00", "100000.00", won)));
    }

    @Test
    void aWinClosedMoreThanTwelveMonthsBeforeDoesNotCount() {
        deliver(dealWon("deal-old", "60000.00", WON_DAY.minusMonths(12).minusDays(1)));

        deliver(dealWon("deal-new", "50000.00", WON_DAY));

        assertThat(commands.sent(), empty());
    }

    @Test
    void aWinClosedExactlyTwelveMonthsBeforeDoesNotCount() {
        deliver(dealWon("deal-old", "60000.00", WON_DAY.minusMonths(12)));

        deliver(dealWon("deal-new", "50000.00", WON_DAY));

        assertThat(commands.sent(), empty());
    }

    @Test
    void aWinClosedADayInsideTheTwelveMonthsCounts() {
        deliver(dealWon("deal-old", "60000.00", WON_DAY.minusMonths(12).plusDays(1)));
        DealWon won = dealWon("deal-new", "50000.00", WON_DAY);

        deliver(won);

        assertThat(commands.payloads(), contains(promotePartner(SILVER, "100000.00", "110000.00", won)));
    }

    @Test
    void anotherPartnersWinsDoNotCount() {
        deliver(dealWon(OTHER_PARTNER_ID, "deal-other", "90000.00", WON_DAY));

        deliver(dealWon("deal-1", "20000.00", WON_DAY));

        assertThat(commands.sent(), empty());
    }

    @Test
    void thePromotionNamesTheWinAsItsCauseAndKeepsItsActorAndCorrelation() {
        EventMessage<DealWon> message = message(dealWon("deal-1", "100000.00", WON_DAY));

        deliver(message);

        assertThat(
                commands.sent().get(0).getMetaData(),
                equalTo(Map.of(
                        PrmMetadata.CAUSATION_ID, message.getIdentifier(),
                        PrmMetadata.ACTOR, ACTOR,
                        PrmMetadata.CORRELATION_ID, CORRELATION_ID)));
    }

    @Test
    void theThresholdsAndTheirVersionAreConfiguration() {
        policy = policy(new TierPolicyRules(
                "small-2", new BigDecimal("1000"), new BigDecimal("5000"), new BigDecimal("20000")));
        DealWon won = dealWon("deal-1", "5000.00", WON_DAY);

        deliver(won);

        assertThat(
                commands.payloads(),
                contains(new PromotePartnerCommand(
                        won.partnerId(), GOLD, "small-2", usd("5000.00"), usd("5000.00"), "deal-1", won.wonAt())));
    }
}
