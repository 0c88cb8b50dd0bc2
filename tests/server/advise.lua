-- wrk script: POSTs the assessment named by $ASSESSMENT (see docs/embedding.md#http-service).
local file = io.open(os.getenv("ASSESSMENT"), "r")
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()
