package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** The engine REST API's exception mapper, for the failures a test cannot easily provoke over HTTP. */
class EngineRestErrorsMapperTest {

    final EngineRestErrors.Mapper mapper = new EngineRestErrors.Mapper();

    @Test
    void aFailureInsideIsAGeneral500WithAReference() {
        ProcessEngineException sql = new ProcessEngineException("\n### Error updating database. Cause: "
                + "org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: NULL not allowed for column \"SUBJECT\"; SQL "
                + "statement: INSERT INTO support_ticket (ticket_number, subject) VALUES (?, ?)",
                new PersistenceException("boom"));

        Response response = mapper.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, sql,
                "Cannot instantiate process definition troubleTicket:1:abc: " + sql.getMessage()));

        assertThat(response.getStatus()).isEqualTo(500);
        Map<?, ?> body = (Map<?, ?>) response.getEntity();
        assertThat(body.get("type")).isEqualTo("ServerError");
        assertThat(body.get("message").toString()).startsWith("The engine could not do this.")
                .contains(body.get("reference").toString()).doesNotContain("SQL").doesNotContain("INSERT");
    }

    @Test
    void aClientsMistakeKeepsItsStatusAndMessageThroughTheRestWrapper() {
        Response response = mapper.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new BadUserRequestException("The ticket cannot be registered: missing priority."), "Cannot instantiate"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo("The ticket cannot be registered: missing priority.");

        assertThat(mapper.toResponse(new NullValueException("taskId is null")).getStatus()).isEqualTo(400);
        assertThat(mapper.toResponse(new InvalidRequestException(Response.Status.NOT_FOUND, "No task x")).getStatus())
                .isEqualTo(404);
        assertThat(mapper.toResponse(new NotAllowedException("GET")).getStatus()).isEqualTo(405);
    }

    @Test
    void aCollisionIsAConflictToRetry() {
        Response response = mapper.toResponse(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE "
                + "ExecutionEntity[42]' failed. Entity was updated by another transaction concurrently."));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Map<?, ?>) response.getEntity()).get("message").toString())
                .contains("changed by someone else at the same moment").contains("reload and try again");
    }

    @Test
    void classNamesInAMessageBecomeTheirSimpleNames() {
        Response response = mapper.toResponse(new InvalidRequestException(Response.Status.BAD_REQUEST,
                "Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer"));
        assertThat(((Map<?, ?>) response.getEntity()).get("message"))
                .isEqualTo("Cannot convert value 'abc' of type 'Integer' to java type Integer");
    }
}
