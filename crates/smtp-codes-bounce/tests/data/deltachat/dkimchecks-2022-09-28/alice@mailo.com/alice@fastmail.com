From: <alice@fastmail.com>
To: <alice@mailo.com>
