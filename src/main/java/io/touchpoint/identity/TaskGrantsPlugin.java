package io.touchpoint.identity;

import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task grants follow the people on the task. The engine grants a task's candidate groups and users, its assignee
 * and its owner READ and UPDATE on that task (one authorization per group or user), but keeps the grant when they
 * leave it: a group removed from a task by customer care, a supervisor or the assignee could still read the task
 * and its variables. Through the engine's documented hook for these default authorizations (its
 * {@code resourceAuthorizationProvider}), a grant now goes with the group's last link to the task, with a user's
 * last link, and with a previous assignee who has no other place on the task. Grants that an administrator gives
 * on other resources (process definitions, filters, ...) are not touched.
 */
@Component
class TaskGrantsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new TaskGrantsFollowLinks());
    }

    static class TaskGrantsFollowLinks extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            boolean otherLink = otherLinks(task, type).anyMatch(link -> groupId.equals(link.getGroupId()));
            return otherLink ? null : grantOf(task, null, groupId);
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            boolean stays = userId.equals(task.getAssignee()) || userId.equals(task.getOwner())
                    || otherLinks(task, type).anyMatch(link -> userId.equals(link.getUserId()));
            return stays ? null : grantOf(task, userId, null);
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !oldAssignee.equals(task.getOwner())
                    && otherLinks(task, null).noneMatch(link -> oldAssignee.equals(link.getUserId()))) {
                AuthorizationEntity[] previous = grantOf(task, oldAssignee, null);
                if (previous != null) {
                    Context.getCommandContext().getTaskManager().deleteDefaultAuthorizations(previous);
                }
            }
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        /** The task's identity links other than those of the type being removed. */
        private static Stream<IdentityLinkEntity> otherLinks(Task task, String removedType) {
            return ((TaskEntity) task).getIdentityLinks().stream()
                    .filter(link -> removedType == null || !Objects.equals(removedType, link.getType()));
        }

        private AuthorizationEntity[] grantOf(Task task, String userId, String groupId) {
            AuthorizationEntity grant = getGrantAuthorization(task.getId(), userId, groupId, Resources.TASK);
            return grant == null ? null : new AuthorizationEntity[] {grant};
        }
    }
}
