package org.agreementledger.api.web.command;

import jakarta.servlet.http.HttpServletRequest;
import org.agreementledger.api.security.Actor;
import org.agreementledger.api.web.CorrelationIds;
import org.agreementledger.api.web.idempotency.IdempotentCommandRunner;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Collections;
import java.util.List;

/** Resolves a {@link CommandContext} argument of a controller method from the request and its authentication. */
final class CommandContextResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CommandContext.class.equals(parameter.getParameterType());
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new CommandContext(Actor.of(SecurityContextHolder.getContext().getAuthentication()),
                header(request, IdempotentCommandRunner.HEADER),
                CorrelationIds.of(request),
                request.getMethod(), request.getRequestURI());
    }

    /** A header's values joined by commas, as Spring MVC binds a header to a String; null when absent. */
    private static String header(HttpServletRequest request, String name) {
        List<String> values = Collections.list(request.getHeaders(name));
        return values.isEmpty() ? null : String.join(",", values);
    }
}
