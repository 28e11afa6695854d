package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.OTHER_PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.RECORDED_AT;
import static io.sidecar.prm.command.deal.DealTestData.lookupDatabase;

import io.sidecar.prm.command.lookup.Claim;
import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.MutableClock;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * The deal command handler as the application runs it, for what a fixture of one aggregate cannot show (a
 * registration that meets another deal's): a command bus, an event-sourcing repository over an in-memory event
 * store that holds any number of deals, and the real lookups (claims, protections) on a private in-memory H2
 * database. One clock, standing at {@link DealTestData#RECORDED_AT} until a test moves it, drives the lookups.
 * {@link DealTestData#PARTNER_ID} and {@link DealTestData#OTHER_PARTNER_ID} are ACTIVE partners.
 */
final class InMemoryDeals implements AutoCloseable {

    /** How long an unconfirmed claim counts as a command still running. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock(RECORDED_AT);
    final Map<String, PartnerStatus> partners =
            new HashMap<>(Map.of(PARTNER_ID, PartnerStatus.ACTIVE, OTHER_PARTNER_ID, PartnerStatus.ACTIVE));
    final Claims claims;
    final DealProtections protections;
    final CommandGateway gateway;

    private final EmbeddedEventStore events;

    InMemoryDeals(DealRules rules) {
        DataSource database = lookupDatabase();
        claims = new Claims(database, clock, IN_FLIGHT_GRACE);
        protections = new DealProtections(database, clock);
        events = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        EventSourcingRepository<Deal> deals =
                EventSourcingRepository.builder(Deal.class).eventStore(events).build();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        new AnnotationCommandHandlerAdapter<>(new DealCommandHandler(
                        deals, partnerId -> Optional.ofNullable(partners.get(partnerId)), rules, claims, protections))
                .subscribe(bus);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** Sends the command and answers the handler's result; a refusal is thrown as it is. */
    <R> R send(Object command) {
        return gateway.sendAndWait(command);
    }

    /** Sends the command, which must be refused, and answers the refusal. */
    CommandRefusedException refusalOf(Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (CommandRefusedException refused) {
            return refused;
        }
        throw new AssertionError("expected " + command + " to be refused, but it was accepted");
    }

    /** The payloads of the deal's stored events, in order; empty for a deal never stored. */
    List<Object> eventsOf(String dealId) {
        return events.readEvents(dealId)
                .asStream()
                .map(EventMessage::getPayload)
                .map(payload -> (Object) payload)
                .toList();
    }

    /** Which deal holds the open registration of this customer domain and product, if any. */
    Optional<String> registrationHolder(String domain, String product) {
        return claims.find(DealCommandHandler.REGISTRATIONS, Deal.registrationKey(domain, product))
                .map(Claim::owner);
    }

    /** The deals whose places in the partner's open-registration limit are taken. */
    List<String> openDealsOf(String partnerId) {
        return claims.findByPrefix(DealCommandHandler.OPEN_DEALS, partnerId + "/").stream()
                .map(Claim::owner)
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        events.shutDown();
    }
}
