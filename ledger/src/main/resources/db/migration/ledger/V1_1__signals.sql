-- Signals to every node, so that none polls: each transaction that appends events notifies channel
-- ledger_events once, each one that moves an event processor's tokens notifies ledger_tokens once.
-- PostgreSQL delivers a notification only when its transaction commits, to every listening session,
-- so a listener woken by it finds the change committed.
CREATE FUNCTION notify_ledger_events() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('ledger_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_notify
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_ledger_events();

CREATE FUNCTION notify_ledger_tokens() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('ledger_tokens', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER token_entry_notify
    AFTER INSERT OR UPDATE ON token_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_ledger_tokens();
