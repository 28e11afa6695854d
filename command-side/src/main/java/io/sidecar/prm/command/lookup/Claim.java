package io.sidecar.prm.command.lookup;

import java.time.Instant;

/**
 * One entry of a command-side lookup: a key that must be unique across aggregates (a partner's name, a customer
 * and product's open registration), held by one owner (an aggregate id).
 *
 * @param scope     what kind of key it is, such as {@code partner-name}
 * @param key       the normalised key
 * @param owner     the aggregate holding it
 * @param confirmed whether the owner's events are known to be stored; {@code false} while its command runs (or
 *                  after it crashed between claim and append)
 * @param claimedAt when it was claimed
 */
public record Claim(String scope, String key, String owner, boolean confirmed, Instant claimedAt) {}
