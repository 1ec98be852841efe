package org.agreementledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * How a person signs in to the web app and out of it: the sign-in page posts the form with
 * {@code fetch} and is answered in JSON (where to go next, or the problem), the session cookie is
 * {@code HttpOnly} and {@code SameSite=Lax}, and the CSRF token travels in a cookie the page's
 * scripts read and send back in the {@code X-XSRF-TOKEN} header.
 */
@Component
class BrowserSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String SIGN_IN_PAGE = "/sign-in.html";
    static final String SIGN_IN = "/sign-in";
    static final String SIGN_OUT = "/sign-out";
    /** What the sign-in page needs before anyone has signed in: style, scripts and its texts; none is secret. */
    static final String[] PUBLIC_ASSETS = {SIGN_IN_PAGE, SignInOptionsController.PATH, "/assets/**", "/webjars/**",
            "/favicon.ico"};
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestCache pages = pagesOnly();
    private final ObjectMapper objectMapper;
    private final ProblemSecurityHandler problems;

    BrowserSignIn(ObjectMapper objectMapper, ProblemSecurityHandler problems) {
        this.objectMapper = objectMapper;
        this.problems = problems;
    }

    static CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** The token is read on every request, so that its cookie is there before the page needs it. */
    static CsrfTokenRequestHandler csrfTokenOnEveryAnswer() {
        CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }

    /**
     * A state-changing request needs the token when it could ride on a session: when it names one,
     * and always to sign in (so that nobody can sign a visitor in as someone else). A request
     * without a session is anonymous and meets the authentication rules instead.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        return request.getRequestedSessionId() != null || SIGN_IN.equals(request.getServletPath());
    }

    /** A page a person navigates to, as opposed to the API, the actuator or the contract. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getServletPath();
        return "GET".equals(request.getMethod()) && !path.startsWith("/api/") && !path.startsWith("/actuator")
                && !path.startsWith("/v3/");
    }

    /** After signing in, a person is taken back to the page they asked for, never to an API answer. */
    static RequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(BrowserSignIn::isPage);
        // the page is taken from the session by the sign-in's answer, not by a "?continue" on its address
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    static AuthenticationEntryPoint redirectToSignIn() {
        return new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        SavedRequest saved = pages.getRequest(request, response);
        pages.removeRequest(request, response);
        String next = saved == null ? "/" : sameOriginPath(saved.getRedirectUrl());
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), Map.of("next", next));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        problems.refuseSignIn(request, response, failure);
    }

    private static String sameOriginPath(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
