package org.workhealth;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collections;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * In every test, after every request: each session attribute (flash attributes included) must be serializable, as
 * the service keeps sessions in the database (Spring Session JDBC). Tests driven through MockMvc run with the
 * container's sessions, which would not notice; this makes them fail as the service would.
 */
@Component
class SerializableSessionCheck implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        HttpSession session = ((HttpServletRequest) request).getSession(false);
        if (session == null) {
            return;
        }
        try {
            for (String name : Collections.list(session.getAttributeNames())) {
                try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
                    out.writeObject(session.getAttribute(name));
                } catch (IOException e) {
                    throw new IllegalStateException("The session attribute " + name + " cannot be kept in the "
                            + "database: " + e, e);
                }
            }
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("The session attribute")) {
                throw e;
            }
            // The session was invalidated during the request (sign-out): nothing is kept.
        }
    }
}
