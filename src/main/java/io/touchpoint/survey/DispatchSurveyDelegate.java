package io.touchpoint.survey;

import io.touchpoint.identity.People;
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
 * The generic "send a satisfaction survey" step. Input parameters: {@code questionnaire} (e.g. installation,
 * support), {@code recipient} (email), {@code ratedPerson} (optional user id of who served the customer),
 * {@code answerMessage} (the message the process waits for), {@code subject}. Creates the survey, emails the link
 * ({@code mail/survey-invitation}), and sets {@code surveyId}; the link with its token goes only into the email.
 * Not asynchronous: the email goes into the outbox in the step's transaction (see {@link EmailService}).
 */
@Component("dispatchSurvey")
public class DispatchSurveyDelegate implements JavaDelegate {

    private final SurveyService surveys;
    private final EmailService emails;
    private final People people;

    public DispatchSurveyDelegate(SurveyService surveys, EmailService emails, People people) {
        this.surveys = surveys;
        this.emails = emails;
        this.people = people;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String recipient = (String) execution.getVariableLocal("recipient");
        String ratedUserId = (String) execution.getVariableLocal("ratedPerson");
        String ratedName = ratedUserId == null || ratedUserId.isBlank() ? null : people.nameOf(ratedUserId);
        SurveyService.NewSurvey survey = surveys.create((String) execution.getVariableLocal("questionnaire"),
                execution.getProcessInstanceId(), execution.getProcessBusinessKey(), recipient, ratedUserId, ratedName,
                (String) execution.getVariableLocal("answerMessage"));
        execution.setVariable(SurveyService.SURVEY_ID, survey.id());
        Map<String, Object> model = new HashMap<>(execution.getVariables());
        model.put("surveyLink", survey.link());
        model.put("ratedPersonName", ratedName);
        emails.send(new Email(List.of(recipient), List.of(), (String) execution.getVariableLocal("subject"),
                "survey-invitation", model, SendEmailDelegate.messageId(execution)).from(execution));
    }
}
