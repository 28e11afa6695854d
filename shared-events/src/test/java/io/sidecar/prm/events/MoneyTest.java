package io.sidecar.prm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private final ObjectMapper json = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    @Test
    void travelsWithItsAmountAsADecimalString() throws Exception {
        String written = json.writeValueAsString(new Money(new BigDecimal("1234.50"), "USD"));

        assertThat(written).isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"USD\"}");
        assertThat(json.readValue(written, Money.class)).isEqualTo(new Money(new BigDecimal("1234.50"), "USD"));
    }

    @Test
    void readsAnAmountGivenAsAJsonNumberExactly() throws Exception {
        Money money = json.readValue("{\"amount\": 0.1, \"currency\": \"USD\"}", Money.class);

        assertThat(money.amount()).isEqualByComparingTo("0.1");
    }

    @Test
    void addsAndSubtractsInOneCurrency() {
        Money sum = Money.zero("USD")
                .plus(new Money(new BigDecimal("10.25"), "USD"))
                .minus(new Money(new BigDecimal("0.25"), "USD"));

        assertThat(sum).isEqualTo(new Money(new BigDecimal("10.00"), "USD"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.zero("USD").plus(Money.zero("EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
