package io.touchpoint.survey;

import io.touchpoint.notification.Email;
import io.touchpoint.notification.EmailService;
import io.touchpoint.notification.SendEmailDelegate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The generic "remind the customer of the survey" step: a new link to the open survey {@code surveyId}, emailed
 * to {@code recipient} with {@code subject} (input parameters) from {@code mail/survey-reminder}, through the
 * outbox (not asynchronous).
 */
@Component("remindSurvey")
public class RemindSurveyDelegate implements JavaDelegate {

    private final SurveyService surveys;
    private final EmailService emails;

    public RemindSurveyDelegate(SurveyService surveys, EmailService emails) {
        this.surveys = surveys;
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SurveyService.NewSurvey link = surveys.reminderLink((String) execution.getVariable(SurveyService.SURVEY_ID));
        Map<String, Object> model = new HashMap<>(execution.getVariables());
        model.put("surveyLink", link.link());
        emails.send(new Email(List.of((String) execution.getVariableLocal("recipient")), List.of(),
                (String) execution.getVariableLocal("subject"), "survey-reminder", model,
                SendEmailDelegate.messageId(execution)).from(execution));
    }
}
