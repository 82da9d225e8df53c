package io.touchpoint.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.touchpoint.limits.RateLimits;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The one collision the ticket's row lock cannot rule out: an SLA timer of the ticket (the reminder of an unanswered
 * question) firing in the very instant the customer answers, so that the engine refuses the answer as a concurrent
 * change. The customer gets a clear 409 problem, or the tracking page with the problem (409), never a 500; nothing was saved, and
 * sending the answer again works. (TicketRacesTest shows that answers colliding with each other or with the agent
 * never get here.)
 */
class AnswerCollisionTest {

    final TicketService service = mock(TicketService.class);
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TicketController(service, mock(RateLimits.class)),
            new TrackingController(service, mock(SupportPolicy.class))).build();

    AnswerCollisionTest() {
        OptimisticLockingException collided = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE "
                + "ExecutionEntity[42]' failed. Entity was updated by another transaction concurrently.");
        when(service.comment(any(), any(), any())).thenThrow(collided);
        when(service.confirm(any(), any(), anyBoolean(), any())).thenThrow(collided);
    }

    @Test
    void anAnswerThroughTheApiIsAConflictToSendAgain() throws Exception {
        mvc.perform(post("/api/tickets/T-2026-00001/comments?token=t").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"Second floor\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Ticket changed at the same moment"))
                .andExpect(jsonPath("$.detail").value(TicketService.CHANGED_MEANWHILE));
        mvc.perform(post("/api/tickets/T-2026-00001/confirmation?token=t").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resolved\": true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void anAnswerOnTheTrackingPageShowsTheProblemToSendAgain() throws Exception {
        mvc.perform(post("/track/T-2026-00001/reply").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", "t").param("message", "Second floor"))
                .andExpect(status().isConflict())
                .andExpect(model().attribute("problem", TicketService.CHANGED_MEANWHILE));
        mvc.perform(post("/track/T-2026-00001/confirmation").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", "t").param("resolved", "true"))
                .andExpect(status().isConflict())
                .andExpect(model().attribute("problem", TicketService.CHANGED_MEANWHILE));
    }
}
