package org.workhealth.govuk.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A component's parameters as the Nunjucks macros see them: reading an option that was not
 * given yields {@code null} instead of an error, at any depth. Templates can therefore write
 * {@code p.hint?.classes} just as the macros write {@code params.hint.classes}.
 */
public final class GovukParams extends AbstractMap<String, Object> {

    private static final GovukParams EMPTY = new GovukParams(Map.of());

    private final Map<String, Object> values;

    private GovukParams(Map<String, Object> values) {
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public static GovukParams of(Object params) {
        if (params instanceof GovukParams wrapped) {
            return wrapped;
        }
        if (params instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return new GovukParams(copy);
        }
        return EMPTY;
    }

    static Object wrap(Object value) {
        if (value instanceof GovukParams) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return of(map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> wrapped = new ArrayList<>(list.size());
            for (Object item : list) {
                wrapped.add(wrap(item));
            }
            return wrapped;
        }
        return value;
    }

    /** Every option "exists" so that expression languages read absent ones as null. */
    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    /** Whether the option was actually given, even as null. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        return wrap(values.get(key));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        values.forEach((k, v) -> entries.add(new SimpleImmutableEntry<>(k, wrap(v))));
        return entries;
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
