package io.touchpoint.escalation;

/**
 * Task priorities as Tasklist sorts them (0 to 100; the engine's default is 50). Tasks start with a priority from
 * their urgency (a ticket's P1 to P4, a journey task's due date) below {@link #ESCALATED}; a late or escalated task
 * rises to at least {@link #ESCALATED}, which the "Escalated" filter shows, and higher with each escalation.
 */
public final class TaskPriorities {

    /** The lowest priority of an escalated task: the "Escalated" filter's minimum. */
    public static final int ESCALATED = 80;
    /** The highest priority a task gets. */
    public static final int HIGHEST = 100;
    /** What one escalation adds. */
    static final int ESCALATION_STEP = 20;

    /** The priority of a task after one more escalation: at least {@link #ESCALATED}, at most {@link #HIGHEST}. */
    public static int escalated(int priority) {
        return Math.min(HIGHEST, Math.max(ESCALATED, priority + ESCALATION_STEP));
    }

    /** The priority of a task after {@code times} escalations. */
    public static int escalated(int priority, int times) {
        int raised = priority;
        for (int time = 0; time < times; time++) {
            raised = escalated(raised);
        }
        return raised;
    }

    private TaskPriorities() {
    }
}
