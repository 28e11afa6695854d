package io.sidecar.prm.query.integration;

import io.sidecar.prm.events.Money;

/**
 * An amount of money as the API writes it: {@code {"amount": "1234.50", "currency": "USD"}}, the amount a decimal
 * string so that no consumer parses a price into a binary floating-point number.
 *
 * @param amount   the exact amount, a plain decimal string
 * @param currency the ISO 4217 code
 */
record PublicMoney(String amount, String currency) {

    /** The public form of an amount, {@code null} for none. */
    static PublicMoney of(Money money) {
        return money == null ? null : new PublicMoney(money.amount().toPlainString(), money.currency());
    }
}
