-- The participant journey for wrk: question pages (GET) and answers (POST) with real sessions.
--
--   wrk -t N -c N -s bench/journey.lua http://HOST:PORT -- MODE DATA_FILE THREADS ACK_FILE
--
-- MODE is "hello" (GET / of the bare Flask app), "pages" (GET question pages) or "answers" (POST
-- answers). DATA_FILE is a Lua file written by bench/load.py: the sessions (cookie and CSRF token of
-- a started response each), the pages, the answers and a run prefix for idempotency keys.
-- Run with as many threads as connections: each thread then has one request in flight, so every
-- response pairs with the request before it and each acknowledgement (a 302 to the next question)
-- is written to ACK_FILE with the idempotency key of the answer it acknowledges.
-- Each thread plays its own slice of the sessions: no session is ever used by two connections.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local data, mine, pending_key, pending_next
local turn = 0
mode, ack_file = nil, nil
sent, ok, acknowledged, unexpected = 0, 0, 0, 0
acked = {}

function init(args)
  mode = args[1]
  data = dofile(args[2])
  ack_file = args[4]
  local count = tonumber(args[3])
  mine = {}
  for index, session in ipairs(data.sessions) do
    if (index - 1) % count == id - 1 then
      table.insert(mine, session)
    end
  end
  if mode ~= "hello" and #mine == 0 then
    error("fewer sessions than threads")
  end
end

function request()
  turn = turn + 1
  sent = sent + 1
  -- What a phone's browser sends: the app compresses its pages (Flask-Compress), bare Flask not.
  local headers = { ["Accept-Encoding"] = "gzip, deflate, br" }
  if mode == "hello" then
    return wrk.format("GET", "/", headers)
  end
  local session = mine[(turn - 1) % #mine + 1]
  headers["Cookie"] = session.cookie
  if mode == "pages" then
    return wrk.format("GET", data.pages[(turn - 1) % #data.pages + 1], headers)
  end
  local answer = data.answers[(turn - 1) % #data.answers + 1]
  pending_key = string.format("%s-%d-%d", data.run, id, turn)
  pending_next = answer.next
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  local body = "csrf_token=" .. session.csrf .. "&idem=" .. pending_key .. "&" .. answer.body
  return wrk.format("POST", answer.path, headers, body)
end

local function ends_with(text, suffix)
  return text ~= nil and string.sub(text, -string.len(suffix)) == suffix
end

function response(status, headers, body)
  if mode == "answers" then
    -- Only a redirect to the next question acknowledges the answer: a redirect to the welcome
    -- page means the session was not recognised.
    if status == 302 and ends_with(headers["Location"], pending_next) then
      acknowledged = acknowledged + 1
      acked[#acked + 1] = pending_key
    else
      unexpected = unexpected + 1
    end
  elseif status == 200 then
    ok = ok + 1
  else
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local totals = { sent = 0, ok = 0, acknowledged = 0, unexpected = 0 }
  local ack_file = io.open(threads[1]:get("ack_file"), "w")
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
    for _, key in ipairs(thread:get("acked")) do
      ack_file:write(key, "\n")
    end
  end
  ack_file:close()
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"duration_us": %d, "requests": %d, "sent": %d, "ok": %d, "acknowledged": %d, '
      .. '"unexpected": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.duration, summary.requests, totals.sent, totals.ok, totals.acknowledged,
    totals.unexpected, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max
  ))
end
