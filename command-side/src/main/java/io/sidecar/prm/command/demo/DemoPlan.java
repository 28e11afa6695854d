package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.deal.RecordDealCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the demo data is: for each partner, the real commands to send in order, and then the channel conflicts
 * (registrations of a customer and product that another partner holds open), sent once every partner is done so
 * that the holder is certain to be open. Pure data, made by {@link DemoPlanner}.
 *
 * @param partners  one script per partner
 * @param conflicts the conflicting registrations
 */
record DemoPlan(List<PartnerScript> partners, List<Step> conflicts) {

    /**
     * One command.
     *
     * @param at      where it goes in its partner's story: its own time, or for a deal that closes, the close
     *                (approval, stages and close go together, so the deal is open exactly as long as in the story)
     * @param dealId  the deal the command is about, {@code null} for a partner command
     * @param command the command record, carrying its own historical time
     */
    record Step(Instant at, String dealId, Object command) {}

    /**
     * A partner's commands, to be sent in this order, one after the other.
     *
     * @param partnerId the partner
     * @param steps     its commands and its deals' commands
     */
    record PartnerScript(String partnerId, List<Step> steps) {}

    /** A stable id for the {@code n}th thing of a kind in the plan of {@code seed}: a name-based UUID. */
    static String id(long seed, String kind, int... place) {
        return UUID.nameUUIDFromBytes(("sidecar-demo/" + seed + "/" + kind + "/" + Arrays.toString(place))
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    Stream<Step> steps() {
        return Stream.concat(partners.stream().flatMap(script -> script.steps().stream()), conflicts.stream());
    }

    int commands() {
        return (int) steps().count();
    }

    int deals() {
        return (int) steps().filter(step -> step.command() instanceof RecordDealCommand)
                .count();
    }
}
