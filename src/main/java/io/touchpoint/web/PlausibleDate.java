package io.touchpoint.web;

import io.touchpoint.calendar.BusinessCalendar;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A date and time a business event can carry: not more than a year before now, nor more than two years after (by
 * the engine's clock). Keeps absurd dates such as {@code +999999999-12-31T23:59:59Z} out of timers and due dates.
 * Null is valid.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    String message() default "must be within one year before and two years after today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleDate, OffsetDateTime> {

        private final BusinessCalendar calendar;

        public Validator(BusinessCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            OffsetDateTime now = calendar.now().atOffset(ZoneOffset.UTC);
            return !value.isBefore(now.minusYears(1)) && !value.isAfter(now.plusYears(2));
        }
    }
}
