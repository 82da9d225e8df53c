package io.touchpoint.survey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the survey {@code surveyId} unanswered: its link then tells the customer it is closed. */
@Component("closeSurvey")
public class CloseSurveyDelegate implements JavaDelegate {

    private final SurveyService surveys;

    public CloseSurveyDelegate(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        surveys.close((String) execution.getVariable(SurveyService.SURVEY_ID));
    }
}
