package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.partner.OnboardPartnerCommand.ContactDetails;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Company-like names, web addresses and people for the demo data, from word lists, each partner name and customer
 * domain used once. Used by one planning thread in a fixed order, so a seed always names the same things.
 */
final class DemoNames {

    /** A country partners come from: how many, roughly, how its firms and addresses look, the language spoken. */
    private record Region(
            String code, int weight, String legalForm, String topLevelDomain, String dialCode, String language) {}

    private static final List<Region> REGIONS = List.of(
            new Region("US", 25, "Inc.", ".com", "+1", "en-US"),
            new Region("GB", 10, "Ltd", ".co.uk", "+44", "en-GB"),
            new Region("DE", 10, "GmbH", ".de", "+49", "de"),
            new Region("FR", 7, "SAS", ".fr", "+33", "fr"),
            new Region("NL", 5, "B.V.", ".nl", "+31", "nl"),
            new Region("SE", 4, "AB", ".se", "+46", "sv"),
            new Region("ES", 5, "S.L.", ".es", "+34", "es"),
            new Region("IT", 5, "S.r.l.", ".it", "+39", "it"),
            new Region("CA", 6, "Inc.", ".ca", "+1", "en-CA"),
            new Region("AU", 5, "Pty Ltd", ".com.au", "+61", "en-AU"),
            new Region("JP", 5, "K.K.", ".co.jp", "+81", "ja"),
            new Region("SG", 4, "Pte Ltd", ".com.sg", "+65", "en-SG"),
            new Region("BR", 4, "Ltda.", ".com.br", "+55", "pt-BR"),
            new Region("IN", 5, "Pvt Ltd", ".in", "+91", "en-IN"));
    private static final Map<String, Region> BY_CODE =
            REGIONS.stream().collect(Collectors.toMap(Region::code, Function.identity()));
    private static final int TOTAL_WEIGHT =
            REGIONS.stream().mapToInt(Region::weight).sum();

    /** The ISO 3166-1 alpha-2 codes of the regions partners come from. */
    static final List<String> REGION_CODES = REGIONS.stream().map(Region::code).toList();

    private static final List<String> FIRMS = words(
            "Northwind Bluepeak Ironbridge Brightlane Silverline Redwood"
                    + " Clearwater Summit Keystone Harbor Lighthouse Granite Evergreen Cobalt Meridian Orbit Pinnacle Quantum"
                    + " Riverside Sterling Trident Vertex Westbrook Zenith Aurora Beacon Cedar Delta Falcon Horizon Juniper"
                    + " Lakeside Maple Nimbus Oakridge Polar Sapphire Tidewater Unity Vantage Willow Alder Basalt Copper Ember");
    private static final List<String> TRADES = words("Data Cloud Systems Networks Digital IT Software Tech"
            + " Consulting Solutions Integration Analytics Infrastructure Security Logic Labs Computing Services");
    private static final List<String> REBRANDS = words("Group Holdings Partners Global One");
    private static final List<String> CUSTOMERS = words("Altamira Birchfield Caldera Dunmore Eastgate Fairhaven"
            + " Glenrock Highmoor Inverness Jadeport Kingsbury Larkspur Millbrook Newhaven Oldcastle Pemberton"
            + " Queensway Ravenhill Stonebridge Thornbury Upfield Valemont Whitcombe Yarrow Ashford Brookline Coldwater"
            + " Deerfield Elmstead Foxhollow Greystone Hollister");
    private static final List<String> INDUSTRIES = words("Logistics Foods Health Bank Insurance Retail Energy Motors"
            + " Pharma Telecom Media Airlines Hotels Manufacturing Textiles Chemicals Mining Shipping Clinics Utilities"
            + " Publishing Engineering Construction Farms");
    private static final List<String> FIRST_NAMES = words("Anna Ben Carla David Elif Felix Grace Hiro Ines Jonas Kavya"
            + " Liam Maria Noah Olivia Pedro Quinn Rosa Sven Tara Umar Vera Wei Yuki");
    private static final List<String> LAST_NAMES = words("Schmidt Johnson Dubois Jansen Lindqvist Garcia Rossi"
            + " Tremblay Nguyen Tanaka Tan Silva Sharma Walker Novak Okafor Kowalski Murphy Costa Berg");

    private final Set<String> taken = new HashSet<>();

    /**
     * A partner's identity: its name (unused so far), region, the language to contact it in, website and the domain
     * of its addresses.
     */
    record Identity(String name, String region, String language, String website, String domain) {}

    /** An end customer as a deal names it. */
    record Customer(String name, String domain) {}

    Identity partner(Random random) {
        Region region = weighted(random);
        for (int attempt = 0; ; attempt++) {
            String base = pick(random, FIRMS) + " " + pick(random, TRADES) + (attempt < 50 ? "" : " " + attempt);
            String domain = slug(base) + region.topLevelDomain();
            if (taken.add("partner:" + slug(base)) && taken.add("domain:" + domain)) {
                return new Identity(
                        base + " " + region.legalForm(),
                        region.code(),
                        region.language(),
                        "https://www." + domain,
                        domain);
            }
        }
    }

    /** A new name for a partner that rebrands: its first word with another ending, unused so far. */
    String rename(Random random, String name, String region) {
        String firm = name.substring(0, name.indexOf(' '));
        for (int attempt = 0; ; attempt++) {
            String base = firm + " " + pick(random, REBRANDS) + (attempt < 10 ? "" : " " + attempt);
            if (taken.add("partner:" + slug(base))) {
                return base + " " + BY_CODE.get(region).legalForm();
            }
        }
    }

    ContactDetails contact(Random random, String domain, String region) {
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        String phone = BY_CODE.get(region).dialCode() + " " + (100 + random.nextInt(900)) + " "
                + (1_000_000 + random.nextInt(9_000_000));
        return new ContactDetails(
                first + " " + last, (first + "." + last).toLowerCase(Locale.ROOT) + "@" + domain, phone);
    }

    /** An end customer, mostly in the partner's region, its domain unused so far. */
    Customer customer(Random random, String region) {
        Region in = random.nextInt(5) == 0 ? weighted(random) : BY_CODE.get(region);
        for (int attempt = 0; ; attempt++) {
            String name =
                    pick(random, CUSTOMERS) + " " + pick(random, INDUSTRIES) + (attempt < 50 ? "" : " " + attempt);
            String domain = slug(name) + in.topLevelDomain();
            if (taken.add("domain:" + domain)) {
                return new Customer(name, domain);
            }
        }
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Region weighted(Random random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Region region : REGIONS) {
            roll -= region.weight();
            if (roll < 0) {
                return region;
            }
        }
        throw new IllegalStateException("the weights do not add up");
    }

    private static List<String> words(String words) {
        return List.of(words.split(" "));
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
