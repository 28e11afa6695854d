package io.sidecar.prm.query.deal;

import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.PartnerTestData.onboarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.query.partner.FindPartnerQuery;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.PartnerViewFold;
import io.sidecar.prm.query.readmodel.ProjectionStatus;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import io.sidecar.prm.query.web.ConsistentRead;
import io.sidecar.prm.query.web.QuerySideProperties;
import io.sidecar.prm.query.web.ReplayWarning;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
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

/** The deal lists over HTTP: filters and paging reach the query, bad parameters are 400 problems naming them. */
// the slice tests the controller; who may call it is the security filter chain\'s, tested over HTTP (AccessMatrixIT)
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(controllers = DealQueryController.class)
@ContextConfiguration(classes = DealQueryControllerTest.Web.class)
class DealQueryControllerTest {

    /** The controller with the query side's web helpers (problems, consistent reads), and nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ConsistentRead.class)
    @EnableConfigurationProperties(QuerySideProperties.class)
    @Import(DealQueryController.class)
    static class Web {
        @Bean
        ReadModelUpdates readModelUpdates() {
            return new ReadModelUpdates();
        }
    }

    private static final DealView APPROVED =
            DealViewFold.apply(DealViewFold.apply(null, recorded("d-1", "10.00"), 0), approved("d-1"), 1);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private QueryGateway queries;

    @MockitoBean
    private ProjectionStatus projections;

    @Test
    void whileTheDealsAreReplayedTheirAnswersSaySo() throws Exception {
        answer(FindDealsQuery.class, new DealPage(List.of(APPROVED), 1));
        when(projections.replaying("deals")).thenReturn(true);

        mvc.perform(get("/api/deals"))
                .andExpect(status().isOk())
                .andExpect(header().string("Warning", ReplayWarning.REPLAYING));
    }

    @Test
    void aReadModelThatIsNotReplayedAnswersWithoutWarning() throws Exception {
        answer(FindDealsQuery.class, new DealPage(List.of(APPROVED), 1));

        mvc.perform(get("/api/deals")).andExpect(status().isOk()).andExpect(header().doesNotExist("Warning"));
    }

    @Test
    void theListPassesItsFiltersAndSortsNewestRegistrationFirstByDefault() throws Exception {
        answer(FindDealsQuery.class, new DealPage(List.of(APPROVED), 51));

        mvc.perform(get("/api/deals?status=APPROVED&stage=QUALIFIED&partnerId=p-1&page=1&size=10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("d-1"))
                .andExpect(jsonPath("$.items[0].amount.amount").value("10.00"))
                .andExpect(jsonPath("$.items[0].trail[1].event").value("DealApproved"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.total").value(51));

        assertThat(sent(FindDealsQuery.class))
                .isEqualTo(
                        new FindDealsQuery("p-1", DealStatus.APPROVED, DealStage.QUALIFIED, 1, 10, "recordedAt", true));
    }

    @Test
    void emptyFiltersFilterNothing() throws Exception {
        answer(FindDealsQuery.class, new DealPage(List.of(), 0));

        mvc.perform(get("/api/deals?status=&partnerId=&stage=&sort=expectedCloseDate,asc"))
                .andExpect(status().isOk());

        assertThat(sent(FindDealsQuery.class))
                .isEqualTo(new FindDealsQuery(null, null, null, 0, 50, "expectedCloseDate", false));
    }

    @Test
    void anUnknownStatusIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/api/deals?status=OPEN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void anUnknownStageOfAPartnersDealsIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/api/partners/p-1/deals?stage=CLOSING"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
    }

    @Test
    void aPageSizeOutOfRangeOrAnUnknownSortFieldIsABadRequest() throws Exception {
        mvc.perform(get("/api/deals?size=201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/deals?sort=amount,desc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void theDealsOfAnUnknownPartnerAreANotFoundProblem() throws Exception {
        when(queries.query(any(FindPartnerQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(null));

        mvc.perform(get("/api/partners/p-404/deals"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("partner.unknown"))
                .andExpect(jsonPath("$.detail").value("no partner with id p-404"));
    }

    @Test
    void aPartnersDealsAreThoseOfThatPartner() throws Exception {
        PartnerView partner = new PartnerViewFold("USD").apply(null, onboarded("p-1"), 0);
        when(queries.query(any(FindPartnerQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(partner));
        answer(FindDealsQuery.class, new DealPage(List.of(APPROVED), 1));

        mvc.perform(get("/api/partners/p-1/deals?status=APPROVED&sort=status,asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].partnerId").value("p-1"));

        assertThat(sent(FindDealsQuery.class))
                .isEqualTo(new FindDealsQuery("p-1", DealStatus.APPROVED, null, 0, 50, "status", false));
    }

    @SuppressWarnings("unchecked")
    private <Q> void answer(Class<Q> query, Object result) {
        when(queries.query(any(query), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(result));
    }

    /** The one query of this type the controller sent. */
    private <Q> Q sent(Class<Q> type) {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(queries, atLeastOnce()).query(captor.capture(), any(ResponseType.class));
        List<Q> sent = captor.getAllValues().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }
}
