From: <alice@mailo.com>
To: <alice@delta.blinzeln.de>
