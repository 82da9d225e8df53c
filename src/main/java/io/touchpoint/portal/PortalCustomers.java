package io.touchpoint.portal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who the logged-in customer is and what they may see: the company their account is linked to, and the addresses
 * of that company (its portal accounts and the contacts of its orders). A customer sees only the tickets, requests
 * and orders of those; an account not linked to a company sees only what names its own address.
 */
@Service
public class PortalCustomers {

    /** The logged-in customer. */
    public record Customer(PortalAccount account, Set<String> emails) {

        public String company() {
            return account.companyName();
        }

        /** Whether the address (any case) is one of the customer's company. */
        public boolean owns(String email) {
            return email != null && emails.contains(PortalAccounts.normalized(email));
        }
    }

    /** A contact of the company as its orders name them. */
    public record Contact(String role, String name, String email) {
    }

    /** The company as REG-02 shows it: its name, contacts and services, from its newest order. */
    public record Company(String name, List<Contact> contacts, List<String> services, List<PortalAccount> accounts) {
    }

    private final PortalAccounts accounts;
    private final CompanyDirectory directory;

    PortalCustomers(PortalAccounts accounts, CompanyDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    public Customer of(Principal user) {
        PortalAccount account = accounts.byEmail(user.getName()).orElseThrow(() -> new IllegalStateException(
                "No portal account for the login " + user.getName()));
        Set<String> emails = new LinkedHashSet<>();
        emails.add(account.email());
        if (account.companyName() != null) {
            accounts.ofCompany(account.companyName()).forEach(colleague -> emails.add(colleague.email()));
            emails.addAll(directory.contactEmails(account.companyName()));
        }
        return new Customer(account, Set.copyOf(emails));
    }

    /** The customer's company with its contacts and services, or null while the account is not linked. */
    public Company company(Customer customer) {
        if (customer.company() == null) {
            return null;
        }
        List<Contact> contacts = new ArrayList<>();
        List<String> services = new ArrayList<>();
        var journeys = directory.journeys(customer.company());
        if (!journeys.isEmpty()) {
            Map<String, Object> newest = directory.variables(journeys.get(0).getId());
            contact(contacts, "Primary contact", newest, "primaryContactName", "primaryContactEmail");
            contact(contacts, "Contact for orders", newest, "contactName", "contactEmail");
            contact(contacts, "Office manager", newest, "officeManagerName", "officeManagerEmail");
            contact(contacts, "IT contact", newest, "itContactName", "itContactEmail");
            for (var journey : journeys) {
                Object requested = directory.variables(journey.getId()).get("requestedServices");
                if (requested instanceof java.util.Collection<?> list) {
                    list.forEach(service -> add(services, String.valueOf(service)));
                } else if (requested != null) {
                    for (String service : requested.toString().split("[,;]")) {
                        add(services, service.replaceAll("[\\[\\]\"]", "").trim());
                    }
                }
            }
        }
        return new Company(customer.company(), contacts, services, accounts.ofCompany(customer.company()));
    }

    /** Adds the service in plain words (the catalogue's label of a code such as {@code HOSTED_VOICE}), once. */
    private static void add(List<String> services, String service) {
        String label = java.util.Arrays.stream(io.touchpoint.journey.Catalog.Service.values())
                .filter(known -> known.name().equals(service)).map(known -> known.label).findFirst().orElse(service);
        if (!label.isBlank() && !services.contains(label)) {
            services.add(label);
        }
    }

    private static void contact(List<Contact> contacts, String role, Map<String, Object> variables, String name,
                                String email) {
        Object who = variables.get(name);
        Object address = variables.get(email);
        if ((who != null && !who.toString().isBlank()) || (address != null && !address.toString().isBlank())) {
            contacts.add(new Contact(role, who == null ? "" : who.toString(), address == null ? "" : address.toString()));
        }
    }
}
