package org.agreementledger.api.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * The servlet container's error page, for failures outside Spring MVC (a filter, the security
 * firewall, an error the container itself raised): the same problem answers as everywhere else.
 * Fetched directly, {@code /error} is no resource: 404.
 */
@Hidden // the servlet container's error page, not an endpoint of the contract
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : null;
        if (status == null || !status.isError()) {
            return Problems.response(Problems.ofStatus(HttpStatus.NOT_FOUND, "There is no resource at this path."));
        }
        // a failure raised in a filter, e.g. a bearer token that could not be checked, through the one mapping
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            Optional<ProblemDetail> known = Refusals.problemFor(failure).or(() -> Refusals.unavailability(failure));
            if (known.isPresent()) {
                return Problems.response(known.get());
            }
        }
        return Problems.response(Problems.ofStatus(status, null));
    }
}
