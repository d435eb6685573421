Authentication-Results: mail.buzon.uy;
	dkim=pass (1024-bit key; unprotected) header.d=mailo.com header.i=@mailo.com header.b="awx9eOw9";
	dkim-atps=neutral
From: <alice@mailo.com>
To: <alice@buzon.uy>
