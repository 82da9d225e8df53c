package io.touchpoint.demo;

import static io.touchpoint.identity.Roles.*;

import io.touchpoint.identity.RoleAccess;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo identities, created at start-up while {@code touchpoint.demo.enabled} is true: one group per role,
 * people named after the personas of the source journey maps, and an analyst. What each role may see and do is
 * {@link RoleAccess}'s, in production too. Idempotent: what exists already is left as it is.
 */
@Component
@ConditionalOnProperty(name = "touchpoint.demo.enabled", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public record Person(String id, String firstName, String lastName, String group) {
        public String email() {
            return id + "@touchpoint.example";
        }
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("sara", "Sara", "Lopez", SALES_REP),
            new Person("dan", "Dan", "Whitfield", SALES_MANAGER),
            new Person("mike", "Mike", "Presales", SALES_ENGINEER),
            new Person("pete", "Pete", "Presales", SALES_ENGINEER),
            new Person("amy", "Amy", "Presales", SALES_ENGINEER),
            new Person("carla", "Carla", "Diaz", CLIENT_SERVICES),
            new Person("ivan", "Ivan", "Brooks", INSTALLATION_COORDINATOR),
            new Person("theo", "Theo", "Grant", TECHNICIAN),
            new Person("lena", "Lena", "Park", LNP),
            new Person("arman", "Arman", "Reyes", ACCOUNT_RELATIONS),
            new Person("betty", "Betty", "Moss", BILLING),
            new Person("mara", "Mara", "Quinn", MARKETING),
            new Person("paul", "Paul", "Sterling", EXECUTIVE),
            new Person("kim", "Kim", "John", CUSTOMER_CARE),
            new Person("tim", "Tim", "Samuel", TECH_SUPPORT),
            new Person("terrence", "Terrence", "Hank", TECH_SUPPORT),
            new Person("lars", "Lars", "Olsen", TECH_SUPPORT_L2),
            new Person("sue", "Sue", "Palmer", SUPPORT_SUPERVISOR),
            new Person("alex", "Alex", "Morgan", ANALYST));

    private final IdentityService identity;
    private final String password;

    public DemoData(IdentityService identity, DemoProperties properties) {
        this.identity = identity;
        this.password = properties.password();
    }

    @EventListener
    @org.springframework.core.annotation.Order(2)
    public void onReady(ApplicationReadyEvent ready) {
        // the groups themselves are RoleAccess's (its listener runs first): here only their demo members
        PEOPLE.forEach(this::ensurePerson);
        log.info("Demo data ready: {} people (password from touchpoint.demo.password)", PEOPLE.size());
    }

    private void ensurePerson(Person person) {
        if (identity.createUserQuery().userId(person.id()).count() == 0) {
            User user = identity.newUser(person.id());
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(person.id()).memberOfGroup(person.group()).count() == 0) {
            identity.createMembership(person.id(), person.group());
        }
    }
}
