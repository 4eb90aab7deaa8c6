-- wrk script: POST a forecast request (8 steps, 95% interval, default lag inputs).
wrk.method = "POST"
wrk.body = '{"steps": 8, "alpha": 0.05}'
wrk.headers["Content-Type"] = "application/json"
