-- The anonymous rate limit counted per fixed minute: a client could send the limit
-- at the end of one minute and again at the start of the next, twice the limit
-- within a second. It is now a sliding window: rate_limits keeps one row per
-- accepted request time (window_start: the time of the hits it counts; two at the
-- same instant share a row), and a request is accepted only while fewer than the
-- limit were accepted in the window before it, so no window of that length ever
-- holds more than the limit. Refused requests are not recorded.

DROP FUNCTION app_private.hit_rate_limit(text, integer);

CREATE FUNCTION app_private.hit_rate_limit(limit_bucket text, window_seconds integer, max_hits integer)
RETURNS TABLE (allowed boolean, retry_after integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  window_length interval := make_interval(secs => window_seconds);
  counted integer;
  oldest timestamptz;
BEGIN
  -- One request of a bucket at a time, across every API instance.
  PERFORM pg_advisory_xact_lock(hashtextextended('rate_limit:' || limit_bucket, 0));
  DELETE FROM rate_limits WHERE bucket = limit_bucket AND window_start <= now() - window_length;
  SELECT coalesce(sum(r.hits), 0)::integer, min(r.window_start) INTO counted, oldest FROM rate_limits r WHERE r.bucket = limit_bucket;
  IF counted < max_hits THEN
    INSERT INTO rate_limits AS r (bucket, window_start, hits) VALUES (limit_bucket, now(), 1)
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = r.hits + 1;
    RETURN QUERY SELECT true, 0;
  ELSE
    -- The oldest counted request leaves the window first.
    RETURN QUERY SELECT false, greatest(1, ceil(extract(epoch FROM (oldest + window_length - now())))::integer);
  END IF;
END $$;

REVOKE ALL ON FUNCTION app_private.hit_rate_limit(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_private.hit_rate_limit(text, integer, integer) TO service_role;
