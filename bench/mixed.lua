-- Rotates wrk's requests over the site's public pages (paths from bench/load.py).
local paths = {}
local counter = 0

function init(args)
  for _, path in ipairs(args) do
    table.insert(paths, path)
  end
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, { ["X-Forwarded-Proto"] = "https" })
end
