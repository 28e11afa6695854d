package io.sidecar.prm.query.asof;

import static io.sidecar.prm.query.PartnerTestData.ONBOARDED_AT;
import static io.sidecar.prm.query.PartnerTestData.onboarded;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sidecar.prm.query.partner.PartnerDetails;
import io.sidecar.prm.query.partner.PartnerViewFold;
import io.sidecar.prm.query.readmodel.ProjectionStatus;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import io.sidecar.prm.query.web.ConsistentRead;
import io.sidecar.prm.query.web.QuerySideProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The as-of endpoint's own decisions: which instants it takes, and what it says when the audit log lags. */
// the slice tests the controller; who may call it is the security filter chain\'s, tested over HTTP (AccessMatrixIT)
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(controllers = PartnerStateController.class)
@ContextConfiguration(classes = PartnerStateControllerTest.Web.class)
class PartnerStateControllerTest {

    private static final Instant NOW = Instant.parse("2026-02-15T09:00:00Z");

    /** The controller with the query side's web helpers and a clock that stands at {@link #NOW}. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ConsistentRead.class)
    @EnableConfigurationProperties(QuerySideProperties.class)
    @Import(PartnerStateController.class)
    static class Web {
        @Bean
        ReadModelUpdates readModelUpdates() {
            return new ReadModelUpdates();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AsOfState states;

    @MockitoBean
    private ProjectionStatus projections;

    @Test
    void anAnswerGivenBeforeTheAuditLogCaughtUpSaysItIsStale() throws Exception {
        when(states.of(eq("p-1"), any())).thenReturn(Optional.of(answer(false)));

        mvc.perform(get("/api/partners/p-1/state").param("asOf", NOW.toString()))
                .andExpect(status().isOk())
                .andExpect(header().string("Warning", ConsistentRead.STALE))
                .andExpect(jsonPath("$.name").value("Acme"));
    }

    @Test
    void anInstantWithAnOffsetIsThatInstant() throws Exception {
        when(states.of(eq("p-1"), any())).thenReturn(Optional.of(answer(true)));

        mvc.perform(get("/api/partners/p-1/state").param("asOf", "2026-02-15T09:30:00+01:00"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Warning"));

        verify(states).of("p-1", Instant.parse("2026-02-15T08:30:00Z"));
    }

    @Test
    void nowIsHistoryAndTheNextNanosecondIsTheFutureByTheApplicationsClock() throws Exception {
        when(states.of(eq("p-1"), any())).thenReturn(Optional.of(answer(true)));

        mvc.perform(get("/api/partners/p-1/state").param("asOf", NOW.toString()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/partners/p-1/state")
                        .param("asOf", NOW.plusNanos(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));

        verify(states, never()).of("p-1", NOW.plusNanos(1));
    }

    private static AsOfState.Answer answer(boolean complete) {
        PartnerDetails details = PartnerDetails.of(
                new PartnerViewFold("USD").apply(null, onboarded("p-1"), 0), LocalDate.ofInstant(NOW, ZoneOffset.UTC));
        return new AsOfState.Answer(ONBOARDED_AT, details, complete);
    }
}
