package io.touchpoint.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

/** The categories of tickets and articles, in the order staff pick them, with the names pages show. */
public final class Categories {

    /** Code to name: {@code MOVE_ADD_CHANGE} reads "Move, add, change". */
    public static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("OUTAGE", "Outage");
        names.put("DEGRADED_SERVICE", "Degraded service");
        names.put("EQUIPMENT", "Equipment");
        names.put("ACCESS", "Access");
        names.put("BILLING", "Billing");
        names.put("MOVE_ADD_CHANGE", "Move, add, change");
        names.put("GENERAL", "General");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private Categories() {
    }
}
