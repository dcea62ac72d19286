package org.workhealth.govuk;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** Every form and request parameter the application binds is stripped of control characters, in one place. */
@ControllerAdvice
class InputAdvice {

    @InitBinder
    void stripControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, TypedText.editor());
    }
}
