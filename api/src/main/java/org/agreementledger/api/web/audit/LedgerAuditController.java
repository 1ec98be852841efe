package org.agreementledger.api.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.agreementledger.ledger.audit.LedgerVerification;
import org.agreementledger.ledger.audit.RecordedDigest;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.audit.AuditTrail;
import org.agreementledger.projections.audit.DigestRecording;
import org.agreementledger.projections.audit.LedgerDigestRecorder;
import org.agreementledger.projections.audit.LedgerPage;
import org.agreementledger.projections.audit.LedgerVerificationService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The whole ledger for auditors: paged in global order, exported as JSON lines, verified, digested. */
@RestController
@RequestMapping("/api/ledger")
class LedgerAuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditTrail auditTrail;
    private final LedgerVerificationService verification;
    private final LedgerDigestRecorder digestRecorder;
    private final ObjectMapper objectMapper;

    public LedgerAuditController(AuditTrail auditTrail, LedgerVerificationService verification,
                                 LedgerDigestRecorder digestRecorder, ObjectMapper objectMapper) {
        this.auditTrail = auditTrail;
        this.verification = verification;
        this.digestRecorder = digestRecorder;
        this.objectMapper = objectMapper;
    }

    /** Events after the position {@code after}, at most {@code limit} (capped at {@value FeedParameters#MAX_LIMIT}). */
    @GetMapping(path = "/events", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public LedgerPage events(@RequestParam(defaultValue = "0") long after,
                             @RequestParam(defaultValue = "" + FeedParameters.DEFAULT_LIMIT) int limit) {
        return auditTrail.page(FeedParameters.position("after", after), FeedParameters.limit(limit));
    }

    /**
     * The events after {@code after} and at or before {@code until} (default and at most: the
     * stable position, sent back in {@code X-Ledger-Through-Position}), one JSON object a line,
     * written as they are read.
     */
    @GetMapping("/export")
    public void export(@RequestParam(defaultValue = "0") long after, @RequestParam(required = false) Long until,
                       HttpServletResponse response) throws IOException {
        FeedParameters.position("after", after);
        if (until != null && until < after) {
            throw new InvalidQueryException("until", "until must not be before after");
        }
        long through = Math.min(until == null ? Long.MAX_VALUE : until, auditTrail.stablePosition());
        response.setContentType(NDJSON.toString());
        response.setHeader("X-Ledger-Through-Position", Long.toString(through));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"ledger-" + after + "-" + through + ".ndjson\"");
        OutputStream out = response.getOutputStream();
        auditTrail.export(after, through, event -> {
            try {
                out.write(objectMapper.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/verify")
    public LedgerVerification verify() {
        return verification.verify();
    }

    /** Records the digest through the stable position now: 201, or 200 when one through it exists already. */
    @PostMapping(path = "/digests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "201", description = "recorded now")
    @ApiResponse(responseCode = "200", description = "the digest that already covers the ledger as it stands")
    public ResponseEntity<RecordedDigest> recordDigest() {
        DigestRecording recording = digestRecorder.record();
        return ResponseEntity.status(recording.recordedNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(recording.digest());
    }

}
