package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.knowledge.NewArticle;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SUP-07, SUP-08: the resolution is recorded (met or missed for KPI-05), and saved as a knowledge-base article linked
 * to the ticket when the agent asked for it.
 */
@Component("recordResolution")
public class RecordResolutionDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final KnowledgeBase knowledge;
    private final SupportPolicy policy;
    private final BusinessCalendar calendar;
    private final TimelineTexts texts;

    public RecordResolutionDelegate(Tickets tickets, KnowledgeBase knowledge, SupportPolicy policy,
                                    BusinessCalendar calendar, TimelineTexts texts) {
        this.tickets = tickets;
        this.knowledge = knowledge;
        this.policy = policy;
        this.calendar = calendar;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(NUMBER);
        String resolution = (String) execution.getVariable(RESOLUTION);
        String agent = (String) execution.getVariable(ASSIGNEE);
        Date due = (Date) execution.getVariable(RESOLUTION_DUE);
        boolean met = due == null || !calendar.now().isAfter(due.toInstant());
        execution.setVariable(RESOLUTION_MET, met);
        tickets.resolutionMet(number, met);
        execution.setVariable(CONFIRMATION_CLOSE_TEXT, policy.format(policy.confirmationCloseAt()));
        // SUP-08: relayed by email unless the agent says they called (the work form's choice)
        execution.setVariable(RELAY_CHANNEL, TicketVariables.text(execution, RELAY_CHANNEL, "EMAIL"));
        tickets.status(number, TicketStatus.RESOLVED);
        tickets.record(number, Ticket.EventType.RESOLVED, resolution, agent);
        if (Boolean.TRUE.equals(execution.getVariable(SAVE_AS_ARTICLE))) {
            long id = knowledge.create(new NewArticle((String) execution.getVariable(ARTICLE_TITLE),
                    (String) execution.getVariable(ARTICLE_SYMPTOMS), resolution,
                    (String) execution.getVariable(CATEGORY), NewArticle.tags((String) execution.getVariable(ARTICLE_TAGS)),
                    number), agent);
            execution.setVariable(ARTICLE_ID, id);
            tickets.record(number, Ticket.EventType.ARTICLE_SAVED, texts.text("article-saved", String.valueOf(id)), agent);
        }
    }
}
