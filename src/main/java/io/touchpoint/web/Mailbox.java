package io.touchpoint.web;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * One email address a mail can be sent to, as the mail step reads it: the strict RFC 822 parser of Jakarta Mail
 * ({@code new InternetAddress(address, true)}) takes it as exactly one mailbox, with no display name, no group, and a
 * plain local part and domain (no quotes, semicolons, commas, spaces or brackets), such as {@code ann@acme.example}.
 * Null is valid (combine with {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = Mailbox.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Mailbox {

    String message() default "must be a valid email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Mailbox, String> {

        /** An RFC 5321 dot-atom local part at a domain of at least two labels: what is left after the parser. */
        private static final Pattern PLAIN = Pattern.compile(
                "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                        + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isMailbox(value);
        }

        /** Whether the text (trimmed) is one mailbox the mail step will take. */
        public static boolean isMailbox(String value) {
            String address = value.trim();
            if (address.isEmpty() || address.length() > 254 || !PLAIN.matcher(address).matches()) {
                return false;
            }
            try {
                InternetAddress parsed = new InternetAddress(address, true);
                return !parsed.isGroup() && parsed.getPersonal() == null && address.equals(parsed.getAddress())
                        && InternetAddress.parse(address, true).length == 1;
            } catch (AddressException notAnAddress) {
                return false;
            }
        }
    }
}
