From: <alice@aol.com>
To: <alice@delta.blinzeln.de>
