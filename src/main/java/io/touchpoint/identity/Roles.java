package io.touchpoint.identity;

import java.util.List;

/** The candidate groups of the models: the roles of docs/touchpoints.md. */
public final class Roles {

    public static final String SALES_REP = "sales-rep";
    public static final String SALES_MANAGER = "sales-manager";
    public static final String SALES_ENGINEER = "sales-engineer";
    public static final String CLIENT_SERVICES = "client-services";
    public static final String INSTALLATION_COORDINATOR = "installation-coordinator";
    public static final String TECHNICIAN = "technician";
    public static final String LNP = "lnp";
    public static final String ACCOUNT_RELATIONS = "account-relations";
    public static final String BILLING = "billing";
    public static final String MARKETING = "marketing";
    public static final String EXECUTIVE = "executive";
    public static final String CUSTOMER_CARE = "customer-care";
    public static final String TECH_SUPPORT = "tech-support";
    public static final String TECH_SUPPORT_L2 = "tech-support-l2";
    public static final String SUPPORT_SUPERVISOR = "support-supervisor";

    /**
     * Process analysts, who edit the models in Camunda Modeler: Cockpit with read access to every definition. Not a
     * candidate group of any task, so not in {@link #ALL}.
     */
    public static final String ANALYST = "analyst";

    public record Role(String id, String name) {
    }

    public static final List<Role> ALL = List.of(
            new Role(SALES_REP, "Sales reps (agents)"),
            new Role(SALES_MANAGER, "Sales managers (DSM)"),
            new Role(SALES_ENGINEER, "Sales engineers"),
            new Role(CLIENT_SERVICES, "Client Services"),
            new Role(INSTALLATION_COORDINATOR, "Installation coordinators"),
            new Role(TECHNICIAN, "Field technicians"),
            new Role(LNP, "Number porting (LNP)"),
            new Role(ACCOUNT_RELATIONS, "Account relations managers"),
            new Role(BILLING, "Billing"),
            new Role(MARKETING, "Marketing"),
            new Role(EXECUTIVE, "Executive office"),
            new Role(CUSTOMER_CARE, "Customer care"),
            new Role(TECH_SUPPORT, "Technical support"),
            new Role(TECH_SUPPORT_L2, "Technical support, level 2"),
            new Role(SUPPORT_SUPERVISOR, "Support supervisors"));

    private Roles() {
    }
}
