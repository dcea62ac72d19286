package org.workhealth;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ApplicationContext;

/**
 * Values for the path variables of every route the application maps, so that tests walking the route table (reads
 * change nothing, forms refuse bad input) reach real records: a referral and a case of their own, and the demo
 * data's first of each other kind. A variable no value is known for fails the test, so no route goes unchecked.
 */
public final class RouteValues {

    private final Map<String, String> values;

    private RouteValues(Map<String, String> values) {
        this.values = values;
    }

    /** The walks' values ({@link GetRoutes#values}), which make a referral in triage and a case with a job start. */
    public static RouteValues make(ApplicationContext context) {
        return new RouteValues(GetRoutes.values(context));
    }

    /** These values with one replaced: a record of a test's own where the demo data's would be changed. */
    public RouteValues with(String key, String value) {
        Map<String, String> changed = new TreeMap<>(values);
        changed.put(key, value);
        return new RouteValues(changed);
    }

    /** The route with each {variable} replaced; a variable no value is known for fails the test. */
    public String fill(String route) {
        return GetRoutes.fill(route, values);
    }
}
