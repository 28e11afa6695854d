package io.sidecar.prm.command.demo;

import java.util.List;

/** The words of the demo data's history: products, the vendor's channel managers, what was said and why. */
final class DemoTexts {

    static final List<String> PRODUCTS = List.of(
            "Sidecar Enterprise",
            "Sidecar Enterprise",
            "Sidecar Professional",
            "Sidecar Professional",
            "Sidecar Analytics",
            "Sidecar Connect",
            "Sidecar Cloud Backup",
            "Sidecar Support Plus");
    static final List<String> MANAGERS = List.of(
            "Priya Raman",
            "Tom Becker",
            "Elena Rossi",
            "Marcus Lee",
            "Sofia Andersson",
            "Daniel Okafor",
            "Hannah Weber",
            "Luis Ortega");
    static final List<String> SUMMARIES = List.of(
            "Quarterly business review: pipeline and goal attainment walked through",
            "Pipeline review; two opportunities need pricing support",
            "Enablement session on the new analytics module",
            "Joint account planning for the top ten customers",
            "Discussed the marketing plan for next quarter",
            "Escalation about a delayed order; resolved on the call",
            "Partner raised concerns about lead quality and response times",
            "Certification status reviewed; two engineers still to certify",
            "Renewal campaign planned for customers up in the next six months",
            "Partner is hiring two account managers for our products",
            "Competitive situation discussed; partner asked for battle cards",
            "Short sync: no news, pipeline unchanged");
    static final List<String> NEXT_STEPS = List.of(
            "Send the updated price list",
            "Schedule technical training",
            "Share the Q-plan template",
            "Introduce the regional solution engineer",
            "Review open registrations next week",
            "Send two customer references",
            "Prepare a joint webinar",
            "Follow up on the delayed order",
            "Nominate engineers for certification",
            "Update the account plan");
    static final List<String> LOSS_REASONS = List.of(
            "Customer chose a competitor",
            "Budget cut at the customer",
            "Project postponed to next year",
            "Lost on price",
            "No decision: the customer kept the current tool");
    static final List<String> REJECTION_REASONS = List.of(
            "Customer already in direct negotiation with our sales team",
            "Incomplete registration: no named customer contact",
            "Customer outside the partner's territory",
            "Opportunity too vague to protect: no budget or timeline");
    static final List<String> SUSPENSION_REASONS = List.of(
            "Compliance review after a reported pricing breach",
            "Partner agreement renewal overdue",
            "Investigation of a deal-registration dispute",
            "Unpaid invoices for more than 90 days");
    static final List<String> OFFBOARDING_REASONS = List.of(
            "Partnership ended by mutual agreement",
            "Partner acquired by a competitor",
            "Repeated breaches of the partner agreement",
            "Partner left the software resale business");

    static final String FAST_TRACK = "Strategic partner: fast-tracked by the channel director";
    static final String TIER_REVIEW = "Tier review: revenue below the tier's expectations for two quarters";
    static final String CLOSED_FOR_LIMIT = "Customer postponed the project indefinitely";
    static final String REJECTED_FOR_LIMIT = "Stale registration: no activity since it was recorded";

    private DemoTexts() {}
}
