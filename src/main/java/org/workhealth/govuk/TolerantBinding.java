package org.workhealth.govuk;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletRequest;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * Form records are built from the request through their constructor. Spring builds none when one value does not
 * convert (a word where a number or a date or a code is expected), and hands the controller a null form, which
 * every controller would have to guard against. Here the values that do not convert are left out, the record is
 * built from the rest, and each one left out is a field error ("Enter a valid …"), so the page shows it like any
 * other and keeps the other answers.
 */
@Component
class TolerantBinding implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new RequestMappingHandlerAdapter() {
            @Override
            protected ServletRequestDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> methods) {
                return new BinderFactory(methods, getWebBindingInitializer());
            }
        };
    }

    private static final class BinderFactory extends ServletRequestDataBinderFactory {

        BinderFactory(List<InvocableHandlerMethod> methods, WebBindingInitializer initializer) {
            super(methods, initializer);
        }

        @Override
        protected ServletRequestDataBinder createBinderInstance(Object target, String name, NativeWebRequest request) {
            return new Binder(target, name);
        }
    }

    private static final class Binder extends ExtendedServletRequestDataBinder {

        Binder(Object target, String name) {
            super(target, name);
        }

        @Override
        public void construct(ServletRequest request) {
            ValueResolver values = createValueResolver(request);
            Map<String, Object> refused = refused(values);
            if (refused.isEmpty()) {
                super.construct(request);
                return;
            }
            construct(new ValueResolver() {
                @Override
                public Object resolveValue(String name, Class<?> type) {
                    return refused.containsKey(name) ? null : values.resolveValue(name, type);
                }

                @Override
                public Set<String> getNames() {
                    Set<String> names = new HashSet<>(values.getNames());
                    names.removeAll(refused.keySet());
                    return names;
                }
            });
            refused.forEach((field, value) -> getBindingResult().addError(new FieldError(getObjectName(), field,
                    value, true, new String[] {"typeMismatch." + getObjectName() + "." + field, "typeMismatch"},
                    null, "Enter a valid " + field)));
        }

        /** The constructor arguments whose values do not convert to their type, with the value given. */
        private Map<String, Object> refused(ValueResolver values) {
            Map<String, Object> refused = new HashMap<>();
            Class<?> type = getTargetType() == null || getTarget() != null ? null : getTargetType().resolve();
            if (type == null || BeanUtils.isSimpleProperty(type)) {
                return refused;
            }
            Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
            String[] names = BeanUtils.getParameterNames(constructor);
            Class<?>[] types = constructor.getParameterTypes();
            for (int i = 0; i < names.length; i++) {
                Object value = values.resolveValue(names[i], types[i]);
                if (value == null) {
                    continue;
                }
                try {
                    convertIfNecessary(value, types[i],
                            MethodParameter.forFieldAwareConstructor(constructor, i, names[i]));
                } catch (TypeMismatchException | IllegalArgumentException e) {
                    refused.put(names[i], value);
                }
            }
            return refused;
        }
    }
}
