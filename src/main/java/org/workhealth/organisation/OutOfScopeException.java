package org.workhealth.organisation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record the person may not see or change. Answered as "page not found" so that an edited
 * URL or id does not even confirm that the record exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException() {
        super("Not found");
    }
}
