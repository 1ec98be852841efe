package org.agreementledger.api.support.load;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.agreementledger.api.support.GatewayCommands.party;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a random sequence of commands, valid and invalid, at agreements it proposes itself, and
 * checks each answer: a valid command must be accepted, an invalid one refused. What was accepted
 * is kept in {@link ModelAgreement}s. One load runs on one thread; several run side by side.
 */
public class RandomLedgerLoad {

    /** Parties in several cities and countries; two in Urumqi, so an agreement may have two there. */
    public static final List<Party> PARTIES = List.of(
            party("L-URUMQI-1", "Urumqi", "CN"), party("L-URUMQI-2", "Urumqi", "CN"),
            party("L-WUHAN", "Wuhan", "CN"), party("L-HARBIN", "Harbin", "CN"), party("L-XIAN", "Xi'an", "CN"),
            party("L-ALMATY", "Almaty", "KZ"), party("L-ASTANA", "Astana", "KZ"),
            party("L-TASHKENT", "Tashkent", "UZ"), party("L-SAMARKAND", "Samarkand", "UZ"),
            party("L-BISHKEK", "Bishkek", "KG"));
    private static final List<String> CURRENCIES = List.of("CNY", "CNY", "USD", "KZT", "EUR");
    private static final List<String> SECTORS = List.of("EQUIPMENT_MANUFACTURING", "BIOMEDICINE", "NEW_MATERIALS",
            "RENEWABLE_ENERGY", "SMART_TECHNOLOGY", "MODERN_AGRICULTURE", "LOGISTICS");
    private static final Party NOBODY = party("L-NOBODY", "Nowhere", "CN");
    private static final LocalDate EARLIEST = LocalDate.of(2022, 1, 1);

    private final Random random;
    private final GatewayChannel gateway;
    private final HttpChannel http;
    private final String occasion;
    private final LocalDate today;
    private final List<ModelAgreement> agreements = new ArrayList<>();
    private int accepted;
    private int refused;

    public RandomLedgerLoad(long seed, GatewayChannel gateway, HttpChannel http, String occasion, LocalDate today) {
        this.random = new Random(seed);
        this.gateway = gateway;
        this.http = http;
        this.occasion = occasion;
        this.today = today;
    }

    public void run(int steps) {
        for (int step = 0; step < steps; step++) {
            if (agreements.isEmpty() || random.nextInt(10) < 3) {
                propose();
            } else {
                act(agreements.get(random.nextInt(agreements.size())));
            }
        }
    }

    public List<ModelAgreement> agreements() {
        return Collections.unmodifiableList(agreements);
    }

    public int accepted() {
        return accepted;
    }

    public int refused() {
        return refused;
    }

    private void propose() {
        boolean overHttp = random.nextInt(10) == 0;
        CommandChannel channel = overHttp ? http : gateway;
        List<Party> parties = overHttp ? HttpChannel.parties() : someParties();
        Money value = new Money(BigDecimal.valueOf(random.nextInt(10_000_000), 2),
                CURRENCIES.get(random.nextInt(CURRENCIES.size())));
        String sector = SECTORS.get(random.nextInt(SECTORS.size()));
        CooperationKind kind = CooperationKind.values()[random.nextInt(CooperationKind.values().length)];
        LocalDate proposedOn = between(EARLIEST, today);
        switch (random.nextInt(12)) {
            case 0 -> expect(channel.propose(new Proposal(occasion, parties, value, "ASTROLOGY", kind, proposedOn))
                    .isPresent(), false, "a sector outside the catalogue");
            case 1 -> expect(channel.propose(new Proposal(occasion, parties.subList(0, 1), value, sector, kind,
                    proposedOn)).isPresent(), false, "a single party");
            case 2 -> expect(channel.propose(new Proposal(occasion, parties, value, sector, kind,
                    today.plusDays(3))).isPresent(), false, "a proposal date in the future");
            default -> {
                Optional<UUID> id = channel.propose(new Proposal(occasion, parties, value, sector, kind, proposedOn));
                expect(id.isPresent(), true, "a valid proposal");
                agreements.add(new ModelAgreement(id.orElseThrow(), channel, parties, value, sector, kind,
                        proposedOn));
            }
        }
    }

    private void act(ModelAgreement agreement) {
        switch (agreement.status()) {
            case PROPOSED -> actOnProposed(agreement);
            case SIGNED -> actOnSigned(agreement);
            case CERTIFIED -> actOnCertified(agreement);
            default -> actOnClosed(agreement);
        }
    }

    private void actOnProposed(ModelAgreement agreement) {
        CommandChannel channel = agreement.channel();
        UUID id = agreement.id();
        Party unsigned = agreement.parties().stream().filter(party -> !agreement.hasSigned(party)).findFirst()
                .orElseThrow();
        int choice = random.nextInt(20);
        if (choice < 9) {
            LocalDate on = between(agreement.proposedOn(), today);
            if (expect(channel.sign(id, unsigned, on), true, "a party's first signature")) {
                agreement.signed(unsigned, on);
            }
        } else if (choice == 9) {
            LocalDate on = between(agreement.proposedOn(), today);
            if (expect(channel.decline(id, unsigned, on), true, "an unsigned party declines")) {
                agreement.declined();
            }
        } else if (choice == 10) {
            if (expect(channel.withdraw(id, true, between(agreement.proposedOn(), today)), true,
                    "the proposer withdraws")) {
                agreement.withdrawn();
            }
        } else if (choice == 11) {
            expect(channel.withdraw(id, false, today), false, "someone other than the proposer withdraws");
        } else if (choice == 12) {
            expect(channel.sign(id, NOBODY, today), false, "a party that is not listed signs");
        } else if (choice == 13) {
            expect(channel.sign(id, unsigned, today.plusDays(2)), false, "a signature dated in the future");
        } else if (choice == 14) {
            expect(channel.sign(id, unsigned, agreement.proposedOn().minusDays(1)), false,
                    "a signature dated before the proposal");
        } else if (choice == 15) {
            expect(channel.certify(id, today), false, "a certification before every party signed");
        } else if (choice == 16) {
            expect(channel.revoke(id, today), false, "a revocation of an uncertified agreement");
        } else {
            agreement.parties().stream().filter(agreement::hasSigned).findFirst().ifPresent(signed ->
                    expect(channel.sign(id, signed, today), false, "a party signs twice"));
        }
    }

    private void actOnSigned(ModelAgreement agreement) {
        CommandChannel channel = agreement.channel();
        UUID id = agreement.id();
        int choice = random.nextInt(10);
        if (choice < 6) {
            LocalDate on = between(agreement.fullySignedOn(), today);
            if (expect(channel.certify(id, on), true, "a certification of a fully signed agreement")) {
                agreement.certified(on);
            }
        } else if (choice == 6) {
            expect(channel.certify(id, agreement.fullySignedOn().minusDays(1)), false,
                    "a certification dated before the last signature");
        } else if (choice == 7) {
            expect(channel.sign(id, agreement.parties().get(0), today), false, "a signature after SIGNED");
        } else if (choice == 8) {
            expect(channel.decline(id, agreement.parties().get(1), today), false, "a decline after SIGNED");
        } else {
            expect(channel.revoke(id, today), false, "a revocation of an uncertified agreement");
        }
    }

    private void actOnCertified(ModelAgreement agreement) {
        CommandChannel channel = agreement.channel();
        UUID id = agreement.id();
        int choice = random.nextInt(10);
        if (choice < 4) {
            if (expect(channel.revoke(id, between(agreement.certifiedOn(), today)), true, "a revocation")) {
                agreement.revoked();
            }
        } else if (choice < 7) {
            expect(channel.certify(id, today), false, "a second certification");
        } else if (choice == 7) {
            expect(channel.revoke(id, agreement.certifiedOn().minusDays(1)), false,
                    "a revocation dated before the certification");
        } else {
            expect(channel.withdraw(id, true, today), false, "a withdrawal after certification");
        }
    }

    private void actOnClosed(ModelAgreement agreement) {
        CommandChannel channel = agreement.channel();
        UUID id = agreement.id();
        switch (random.nextInt(4)) {
            case 0 -> expect(channel.sign(id, agreement.parties().get(0), today), false, "a signature once closed");
            case 1 -> expect(channel.certify(id, today), false, "a certification once closed");
            case 2 -> expect(channel.revoke(id, today), false, "a revocation once closed");
            default -> expect(channel.withdraw(id, true, today), false, "a withdrawal once closed");
        }
    }

    /** Two or three distinct parties. */
    private List<Party> someParties() {
        List<Party> shuffled = new ArrayList<>(PARTIES);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, 2 + random.nextInt(2));
    }

    private LocalDate between(LocalDate first, LocalDate last) {
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1));
    }

    private boolean expect(boolean wasAccepted, boolean shouldBeAccepted, String command) {
        assertThat(wasAccepted).as(command + (shouldBeAccepted ? " must be accepted" : " must be refused"))
                .isEqualTo(shouldBeAccepted);
        if (wasAccepted) {
            accepted++;
        } else {
            refused++;
        }
        return wasAccepted;
    }
}
