From: <alice@gmail.com>
To: <alice@delta.blinzeln.de>
